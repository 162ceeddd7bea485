-- Grain state on SQLite, written by CopLive's own writer (Silo/Storage/SqliteGrainStorage.cs) rather than through
-- Orleans' ADO.NET provider: one connection with prepared statements commits the writes of many grains in one
-- transaction. Version semantics are the ADO.NET contract's (see 02-Persistence.sql): the first write creates
-- version 1, every later write or clear must name the version it read, and anything else changes nothing.
-- OrleansStorage stays: rows written there by earlier builds are read once and carried over on first use.

CREATE TABLE IF NOT EXISTS GrainState
(
    ServiceId  TEXT    NOT NULL,
    StateName  TEXT    NOT NULL,
    GrainId    TEXT    NOT NULL,
    Payload    BLOB    NULL,
    Version    INTEGER NOT NULL,
    ModifiedOn TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, StateName, GrainId)
) WITHOUT ROWID;
