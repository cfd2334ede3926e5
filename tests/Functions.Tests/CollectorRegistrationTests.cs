using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>How the app reaches its storage in Azure: the account by name, with the user-assigned identity Bicep gives it.</summary>
public sealed class CollectorRegistrationTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new ServiceCollection().AddLogging().AddCollector(configuration).BuildServiceProvider();
    }

    [Fact]
    public void In_Azure_the_account_is_reached_by_name_with_the_identity_s_client_id()
    {
        using var services = Services(("StorageAccountName", "stbkpabc123"), ("ManagedIdentityClientId", "0b9f0c1e-3a57-4c8b-9d7e-2f1a6c5d4e3b"));

        Assert.Equal(new Uri("https://stbkpabc123.table.core.windows.net/"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://stbkpabc123.blob.core.windows.net/"), services.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-guid")]
    public void Without_a_valid_client_id_the_app_says_which_setting_to_fix(string? clientId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ManagedIdentityClientId", clientId)]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => CollectorRegistration.AzureCredential(configuration));

        Assert.Contains("ManagedIdentityClientId", error.Message, StringComparison.Ordinal);
        Assert.Contains("user-assigned managed identity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_is_the_managed_identity_one_not_a_chain()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ManagedIdentityClientId", "0b9f0c1e-3a57-4c8b-9d7e-2f1a6c5d4e3b")]).Build();

        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(CollectorRegistration.AzureCredential(configuration));
    }

    [Fact]
    public void Without_any_storage_setting_the_app_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services());

        Assert.Contains("'Storage'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'StorageAccountName'", error.Message, StringComparison.Ordinal);
    }
}
