namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>Every upload test shares one Azurite; each uses a channel of its own in the releases container.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "azurite";
}
