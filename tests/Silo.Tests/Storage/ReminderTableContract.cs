using CopLive.Silo.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CopLive.Silo.Tests.Storage;

/// <summary>
/// What Orleans' reminder service relies on from a reminder table, checked on the table each storage provider
/// really uses (CopLive's own on SQLite, Orleans' ADO.NET one over CopLive's SQL on PostgreSQL).
/// </summary>
public abstract class ReminderTableContract(ClusterFixture fixture)
{
    private static readonly DateTime Start = new(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc);

    private IReminderTable Table => fixture.SiloServices.GetRequiredService<IReminderTable>();

    [Fact]
    public async Task AnUpsertedReminder_ReadsBack_AndEveryUpsertGivesANewETag()
    {
        var grain = NewGrain();

        var first = await Table.UpsertRow(Entry(grain, "deadlines", TimeSpan.FromSeconds(15)));
        var read = await Table.ReadRow(grain, "deadlines");
        var second = await Table.UpsertRow(Entry(grain, "deadlines", TimeSpan.FromSeconds(30)));
        var reread = await Table.ReadRow(grain, "deadlines");

        Assert.NotNull(read);
        Assert.Equal((grain, "deadlines", Start, TimeSpan.FromSeconds(15), first), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.NotEqual(first, second);
        Assert.Equal((TimeSpan.FromSeconds(30), second), (reread!.Period, reread.ETag));
    }

    [Fact]
    public async Task ARemoval_NamingAnOldETag_ChangesNothing_AndTheCurrentOneRemovesIt()
    {
        var grain = NewGrain();
        var old = await Table.UpsertRow(Entry(grain, "deadlines", TimeSpan.FromSeconds(15)));
        var current = await Table.UpsertRow(Entry(grain, "deadlines", TimeSpan.FromSeconds(15)));

        var stale = await Table.RemoveRow(grain, "deadlines", old!);
        var kept = await Table.ReadRow(grain, "deadlines");
        var removed = await Table.RemoveRow(grain, "deadlines", current!);

        Assert.False(stale);
        Assert.NotNull(kept);
        Assert.True(removed);
        Assert.Null(await Table.ReadRow(grain, "deadlines"));
    }

    [Fact]
    public async Task AGrainsReminders_AreReadTogether()
    {
        var grain = NewGrain();
        await Table.UpsertRow(Entry(grain, "deadlines", TimeSpan.FromSeconds(15)));
        await Table.UpsertRow(Entry(grain, "digest", TimeSpan.FromMinutes(5)));
        await Table.UpsertRow(Entry(NewGrain(), "deadlines", TimeSpan.FromSeconds(15)));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["deadlines", "digest"], rows.Reminders.Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task ARangeOfTheHashRing_HoldsTheRemindersWhoseGrainHashesFallInIt()
    {
        var grain = NewGrain();
        await Table.UpsertRow(Entry(grain, "deadlines", TimeSpan.FromSeconds(15)));
        var hash = grain.GetUniformHashCode();

        var ending = await Table.ReadRows(unchecked(hash - 1), hash);
        var starting = await Table.ReadRows(hash, unchecked(hash + 1));
        var wrapped = await Table.ReadRows(unchecked(hash + 1), hash);
        var whole = await Table.ReadRows(hash, hash);

        Assert.Contains(ending.Reminders, r => r.GrainId == grain);
        Assert.DoesNotContain(starting.Reminders, r => r.GrainId == grain);
        Assert.Contains(wrapped.Reminders, r => r.GrainId == grain);
        Assert.Contains(whole.Reminders, r => r.GrainId == grain);
    }

    private static GrainId NewGrain() => GrainId.Create("coplive.session", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = period };
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteReminderTableTests(SqliteClusterFixture fixture) : ReminderTableContract(fixture);

[Collection(PostgresCluster.Name)]
public sealed class PostgresReminderTableTests(PostgresClusterFixture fixture) : ReminderTableContract(fixture);
