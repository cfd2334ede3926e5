namespace MonitoramentoBKP.Collector.Storage.Tests.Support;

/// <summary>Every storage test shares one Azurite; each test uses tables and containers of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "azurite";
}
