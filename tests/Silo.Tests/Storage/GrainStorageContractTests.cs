using CopLive.Silo.Storage;
using CopLive.Silo.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CopLive.Silo.Tests.Storage;

/// <summary>
/// Our hand-written SQL against Orleans' storage contract, on both databases: optimistic concurrency must turn
/// every lost race into an error, never a silent overwrite; and the schema must install any number of times.
/// </summary>
public abstract class GrainStorageContractTests<TFixture>(TFixture fixture) where TFixture : ClusterFixture
{
    private const string StateName = "probe";

    private static GrainId NewGrainId() => GrainId.Create("coplive.probe", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Write_ThenRead_RoundTripsStateAndVersion()
    {
        var id = NewGrainId();
        var written = new GrainState<ProbeState>(new ProbeState { Text = "Fractions: équivalence 🍕" });

        await fixture.GrainStorage.WriteStateAsync(StateName, id, written);
        var read = new GrainState<ProbeState>();
        await fixture.GrainStorage.ReadStateAsync(StateName, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal("Fractions: équivalence 🍕", read.State!.Text);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_WithStaleVersion_Throws_AndKeepsTheNewerState()
    {
        var id = NewGrainId();
        var first = new GrainState<ProbeState>(new ProbeState { Text = "v1" });
        await fixture.GrainStorage.WriteStateAsync(StateName, id, first);
        var stale = new GrainState<ProbeState>(new ProbeState { Text = "stale" }) { ETag = first.ETag, RecordExists = true };
        first.State!.Text = "v2";
        await fixture.GrainStorage.WriteStateAsync(StateName, id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.GrainStorage.WriteStateAsync(StateName, id, stale));

        var read = new GrainState<ProbeState>();
        await fixture.GrainStorage.ReadStateAsync(StateName, id, read);
        Assert.Equal("v2", read.State!.Text);
    }

    [Fact]
    public async Task FirstWrite_WhenAnotherWriterCreatedTheRow_Throws()
    {
        var id = NewGrainId();
        await fixture.GrainStorage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "winner" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            fixture.GrainStorage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "loser" })));

        var read = new GrainState<ProbeState>();
        await fixture.GrainStorage.ReadStateAsync(StateName, id, read);
        Assert.Equal("winner", read.State!.Text);
    }

    [Fact]
    public async Task Write_ClaimingAVersion_OfAGrainWithNoRow_Throws_AndCreatesNothing()
    {
        var id = NewGrainId();
        var claimed = new GrainState<ProbeState>(new ProbeState { Text = "ghost" }) { ETag = "3", RecordExists = true };

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.GrainStorage.WriteStateAsync(StateName, id, claimed));

        var read = new GrainState<ProbeState>();
        await fixture.GrainStorage.ReadStateAsync(StateName, id, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task ManyGrainsWritingAtOnce_EachGetsItsOwnStateAndVersion()
    {
        // On SQLite these share commits; every one must still land on its own row with its own version.
        var ids = Enumerable.Range(0, 40).Select(_ => NewGrainId()).ToList();
        var states = ids.Select((_, i) => new GrainState<ProbeState>(new ProbeState { Text = $"plan {i}" })).ToList();

        await Task.WhenAll(ids.Select((id, i) => Task.Run(() => fixture.GrainStorage.WriteStateAsync(StateName, id, states[i]))));
        await Task.WhenAll(ids.Select((id, i) =>
        {
            states[i].State!.Text += " revised";
            return Task.Run(() => fixture.GrainStorage.WriteStateAsync(StateName, id, states[i]));
        }));

        for (var i = 0; i < ids.Count; i++)
        {
            var read = new GrainState<ProbeState>();
            await fixture.GrainStorage.ReadStateAsync(StateName, ids[i], read);
            Assert.Equal($"plan {i} revised", read.State!.Text);
            Assert.Equal(states[i].ETag, read.ETag);
            Assert.Equal("2", read.ETag);
        }
    }

    [Fact]
    public async Task Clear_AtTheCurrentVersion_EmptiesTheState_AndAStaleClearThrows()
    {
        var id = NewGrainId();
        var state = new GrainState<ProbeState>(new ProbeState { Text = "draft" });
        await fixture.GrainStorage.WriteStateAsync(StateName, id, state);
        var stale = new GrainState<ProbeState>(new ProbeState()) { ETag = state.ETag, RecordExists = true };

        await fixture.GrainStorage.ClearStateAsync(StateName, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.GrainStorage.ClearStateAsync(StateName, id, stale));
        var read = new GrainState<ProbeState>();
        await fixture.GrainStorage.ReadStateAsync(StateName, id, read);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.Text);
        Assert.Equal(state.ETag, read.ETag);
        await fixture.GrainStorage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "again" }) { ETag = read.ETag });
    }

    [Fact]
    public async Task Read_OfUnknownGrain_IsEmpty()
    {
        var read = new GrainState<ProbeState>();

        await fixture.GrainStorage.ReadStateAsync(StateName, NewGrainId(), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task SchemaInstall_RunAgain_NeitherFailsNorLosesState()
    {
        var id = NewGrainId();
        await fixture.GrainStorage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Text = "kept" }));
        var installer = fixture.SiloServices.GetRequiredService<SchemaInstaller>();

        await installer.InstallAsync(CancellationToken.None);
        await installer.InstallAsync(CancellationToken.None);

        var read = new GrainState<ProbeState>();
        await fixture.GrainStorage.ReadStateAsync(StateName, id, read);
        Assert.Equal("kept", read.State!.Text);
    }
}

/// <summary>A state type used only to exercise storage.</summary>
[GenerateSerializer, Alias("coplive.tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string Text { get; set; } = "";
}

[Collection(SqliteCluster.Name)]
public sealed class SqliteGrainStorageContractTests(SqliteClusterFixture fixture)
    : GrainStorageContractTests<SqliteClusterFixture>(fixture);

[Collection(PostgresCluster.Name)]
public sealed class PostgresGrainStorageContractTests(PostgresClusterFixture fixture)
    : GrainStorageContractTests<PostgresClusterFixture>(fixture);
