-- CopLive grain storage for SQLite: the query contract of Orleans' ADO.NET persistence.
-- Applied at every start, inside one transaction; every statement is idempotent, and the query rows are
-- replaced so that a newer build's queries take effect on an existing database.
--
-- Contract (Orleans.Persistence.AdoNet): reads return PayloadBinary and Version; writes and clears return
-- one row NewGrainStateVersion on success. On a version conflict a write returns no row and a clear the caller's
-- own version, which Orleans turns into InconsistentStateException: never a silent overwrite.

-- The grain's identity is the whole primary key; the hashes lead it so look-ups touch one narrow range.
-- A missing key extension is stored as '' so that the key never contains NULL (NULLs are never equal).
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL DEFAULT '',
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL,
    PRIMARY KEY (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, '''');
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- One statement (SQLite re-parses a command's text at every execution, and this one runs for every grain write):
-- a first write (@GrainStateVersion NULL) inserts version 1, and finds no row to update if the grain already
-- exists; a later write updates only the version it read, and inserts nothing if the row has gone. Anything else
-- returns no row, which Orleans reports as InconsistentStateException.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
         PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
           IFNULL(@GrainIdExtensionString, ''''), @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
    WHERE @GrainStateVersion IS NULL OR EXISTS (
        SELECT 1 FROM OrleansStorage
        WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
          AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, ''''))
    ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
    DO UPDATE SET PayloadBinary = excluded.PayloadBinary, ModifiedOn = excluded.ModifiedOn, Version = Version + 1
        WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- changes() is per connection and reports the last INSERT/UPDATE/DELETE, so each SELECT below reads the
-- outcome of the statement just before it; SELECTs do not reset it.

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
        Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, '''')
      AND Version = @GrainStateVersion;

    SELECT @GrainStateVersion + 1 AS NewGrainStateVersion WHERE changes() = 1;
    SELECT @GrainStateVersion AS NewGrainStateVersion WHERE @GrainStateVersion IS NOT NULL AND changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
