-- The table Orleans' ADO.NET providers read their queries from (SELECT QueryKey, QueryText FROM OrleansQuery).
-- Later scripts insert or replace their rows.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);
