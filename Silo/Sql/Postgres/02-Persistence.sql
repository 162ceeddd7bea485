-- CopLive grain storage for PostgreSQL: the query contract of Orleans' ADO.NET persistence.
-- Applied at every start in one transaction under an advisory lock; every statement is idempotent and the
-- query rows are replaced so that a newer build's queries take effect on an existing database.
--
-- Contract (Orleans.Persistence.AdoNet): reads return PayloadBinary and Version; writes and clears return
-- one row NewGrainStateVersion on success. On a version conflict they return the caller's own version (or
-- no row on a first write), which Orleans turns into InconsistentStateException: never a silent overwrite.
-- Parameters are cast where PostgreSQL could not infer their type from a NULL.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer      NOT NULL,
    graintypehash          integer      NOT NULL,
    serviceid              varchar(150) NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    grainidextensionstring varchar(512) NOT NULL DEFAULT '',
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL,
    version                integer      NOT NULL,
    PRIMARY KEY (grainidhash, graintypehash, serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', '
    SELECT payloadbinary AS "PayloadBinary", version AS "Version"
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash AND serviceid = @ServiceId
      AND graintypestring = @GrainTypeString AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND grainidextensionstring = COALESCE(@GrainIdExtensionString::text, '''');
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- One statement, so the update, the insert and the conflict report see one snapshot and commit together.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleansstorage
        SET payloadbinary = @PayloadBinary, modifiedon = now(), version = version + 1
        WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash AND serviceid = @ServiceId
          AND graintypestring = @GrainTypeString AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
          AND grainidextensionstring = COALESCE(@GrainIdExtensionString::text, '''')
          AND version = @GrainStateVersion::integer
        RETURNING version
    ), inserted AS (
        INSERT INTO orleansstorage
            (grainidhash, graintypehash, serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
             payloadbinary, modifiedon, version)
        SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
               COALESCE(@GrainIdExtensionString::text, ''''), @PayloadBinary, now(), 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version
    )
    SELECT version AS "NewGrainStateVersion" FROM updated
    UNION ALL SELECT version FROM inserted
    UNION ALL SELECT @GrainStateVersion::integer
              WHERE @GrainStateVersion::integer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM updated);
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', '
    WITH cleared AS (
        UPDATE orleansstorage
        SET payloadbinary = NULL, modifiedon = now(), version = version + 1
        WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash AND serviceid = @ServiceId
          AND graintypestring = @GrainTypeString AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
          AND grainidextensionstring = COALESCE(@GrainIdExtensionString::text, '''')
          AND version = @GrainStateVersion::integer
        RETURNING version
    )
    SELECT version AS "NewGrainStateVersion" FROM cleared
    UNION ALL SELECT @GrainStateVersion::integer
              WHERE @GrainStateVersion::integer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cleared);
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
