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

public sealed class SqliteGrainStorageContractTests(SqliteClusterFixture fixture)
    : GrainStorageContractTests<SqliteClusterFixture>(fixture), IClassFixture<SqliteClusterFixture>;

public sealed class PostgresGrainStorageContractTests(PostgresClusterFixture fixture)
    : GrainStorageContractTests<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>;
