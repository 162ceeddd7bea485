-- The table Orleans' ADO.NET providers read their queries from (SELECT QueryKey, QueryText FROM OrleansQuery).
-- Later scripts insert or replace their rows.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
