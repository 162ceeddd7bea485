-- Grain state on SQLite, written by CopLive's own writer (Silo/Storage/SqliteGrainStorage.cs) rather than through
-- Orleans' ADO.NET provider: one connection with prepared statements commits the writes of many grains in one
-- transaction. Version semantics are the ADO.NET contract's (as on PostgreSQL, Sql/Postgres/): the first write creates
-- version 1, every later write or clear must name the version it read, and anything else changes nothing.
--
-- A rowid table with the key in its own index, not WITHOUT ROWID: segments and snapshots run to many pages, and
-- SQLite compares a key against such a row in a WITHOUT ROWID b-tree by reading all of it. The payload comes last
-- so that reading a row's version never walks its overflow pages.

CREATE TABLE IF NOT EXISTS GrainState
(
    ServiceId  TEXT    NOT NULL,
    StateName  TEXT    NOT NULL,
    GrainId    TEXT    NOT NULL,
    Version    INTEGER NOT NULL,
    ModifiedOn TEXT    NOT NULL,
    Payload    BLOB    NULL,
    UNIQUE (ServiceId, StateName, GrainId)
);
