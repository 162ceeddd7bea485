-- Durable reminders for PostgreSQL: the query contract of Orleans' ADO.NET reminder table. CopLive's sessions keep
-- a reminder while they are live, so their deadlines fire after a restart or the loss of the silo that held them.
-- The version is the reminder's ETag: a delete must name the version it read.
--
-- grainhash is the grain's uniform hash as a signed int; Orleans asks for the ranges of the hash ring a silo owns,
-- (begin, end] or, where the range wraps, everything above begin or at most end.

CREATE TABLE IF NOT EXISTS orleansreminder
(
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(150) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS orleansreminder_hash ON orleansreminder (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', '
    INSERT INTO orleansreminder (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
        SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash,
            version = orleansreminder.version + 1
    RETURNING version AS "Version";
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
    FROM orleansreminder
    WHERE serviceid = @ServiceId AND grainid = @GrainId;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
    FROM orleansreminder
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
    FROM orleansreminder
    WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', '
    SELECT grainid AS "GrainId", remindername AS "ReminderName", starttime AS "StartTime", period AS "Period", version AS "Version"
    FROM orleansreminder
    WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM orleansreminder
        WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
        RETURNING 1
    )
    SELECT count(*) > 0 FROM deleted;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', '
    DELETE FROM orleansreminder WHERE serviceid = @ServiceId;
')
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
