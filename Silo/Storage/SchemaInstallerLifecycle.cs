namespace CopLive.Silo.Storage;

/// <summary>Runs the <see cref="SchemaInstaller"/> before anything in the silo touches storage or membership.</summary>
internal sealed class SchemaInstallerLifecycle(SchemaInstaller installer) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstaller), ServiceLifecycleStage.First, installer.InstallAsync);
}
