namespace MonitoramentoBKP.Collector.Storage.Tests.Support;

/// <summary>
/// A real Azurite (from the repository's package.json) on loopback ports of its own, in memory, for the
/// storage tests; started once for the test collection and stopped after it.
/// </summary>
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
