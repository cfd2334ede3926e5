using MonitoramentoBKP.Collector.Storage;

namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>A real Azurite (the repository's package.json), in memory on ports of its own, shared by the upload tests.</summary>
public sealed class Azurite : IAsyncLifetime
{
    private LocalAzurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() => _azurite = await LocalAzurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
