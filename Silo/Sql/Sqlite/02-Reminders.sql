-- Durable reminders on SQLite, behind CopLive's own IReminderTable (Silo/Storage/Sqlite/SqliteReminderTable.cs):
-- Orleans ships no reminder table for SQLite. Sessions keep a reminder while they are live, so their deadlines
-- fire after the embedded process restarts. Times are Unix milliseconds; the hash is the grain's unsigned uniform
-- hash; the version is the reminder's ETag.

CREATE TABLE IF NOT EXISTS Reminder
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    INTEGER NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS ReminderHash ON Reminder (ServiceId, GrainHash);
