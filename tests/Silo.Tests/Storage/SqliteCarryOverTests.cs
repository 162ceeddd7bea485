using CopLive.Silo.Storage;
using CopLive.Silo.Storage.Sqlite;
using CopLive.Silo.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CopLive.Silo.Tests.Storage;

/// <summary>
/// State that earlier builds stored through Orleans' ADO.NET provider on SQLite is still there after an upgrade:
/// read once from the old table, carried over at the same version, and written on from there.
/// </summary>
public sealed class SqliteCarryOverTests(SqliteClusterFixture fixture) : IClassFixture<SqliteClusterFixture>
{
    private const string StateName = "probe";

    [Fact]
    public async Task StateWrittenByTheAdoNetProvider_IsReadCarriedOverAndWrittenOn()
    {
        var id = GrainId.Create("coplive.probe", Guid.NewGuid().ToString("N"));
        var old = new GrainState<ProbeState>(new ProbeState { Text = "written before the upgrade ✏️" });
        await Legacy.WriteStateAsync(StateName, id, old);
        await Legacy.WriteStateAsync(StateName, id, old);
        using var upgraded = NewStorage();

        var read = new GrainState<ProbeState>();
        await upgraded.ReadStateAsync(StateName, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal("written before the upgrade ✏️", read.State!.Text);
        Assert.Equal(old.ETag, read.ETag);
        read.State.Text = "after the upgrade";
        await upgraded.WriteStateAsync(StateName, id, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => upgraded.WriteStateAsync(StateName, id, old));

        using var restarted = NewStorage();
        var again = new GrainState<ProbeState>();
        await restarted.ReadStateAsync(StateName, id, again);
        Assert.Equal("after the upgrade", again.State!.Text);
        Assert.Equal(read.ETag, again.ETag);
    }

    [Fact]
    public async Task GrainUnknownToBothTables_ReadsEmpty()
    {
        await Legacy.WriteStateAsync(StateName, GrainId.Create("coplive.probe", "someone-else"), new GrainState<ProbeState>(new ProbeState()));
        using var storage = NewStorage();

        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, GrainId.Create("coplive.probe", Guid.NewGuid().ToString("N")), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    private IGrainStorage Legacy => fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.SqliteLegacy);

    /// <summary>The storage as a freshly started silo builds it (it looks at the old table once).</summary>
    private SqliteGrainStorage NewStorage() => SqliteGrainStorage.Create(fixture.SiloServices, fixture.Storage.ConnectionString);
}
