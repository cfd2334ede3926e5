using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MonitoramentoBKP.Collector.Google;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Functions.Sheets;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage;
using MonitoramentoBKP.Collector.Sweep;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// The collector's services, registered once for the Functions app and the local host alike. Storage is the
/// connection string in "Storage" (the emulator locally) or, in Azure, the account in "StorageAccountName"
/// reached with the app's managed identity (no account keys).
/// </summary>
public static class CollectorRegistration
{
    public static IServiceCollection AddCollector(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["Storage"];
        var account = configuration["StorageAccountName"];
        if (string.IsNullOrWhiteSpace(connectionString) && string.IsNullOrWhiteSpace(account))
        {
            throw new InvalidOperationException("Set 'Storage' (a connection string) or 'StorageAccountName' (with a managed identity) so the collector can reach its storage.");
        }

        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                clients.AddTableServiceClient(connectionString);
                clients.AddBlobServiceClient(connectionString);
            }
            else
            {
                clients.AddTableServiceClient(new Uri($"https://{account}.table.core.windows.net"));
                clients.AddBlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"));
                clients.UseCredential(new DefaultAzureCredential());
            }
        });

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new IngestLimits());
        services.AddSingleton(Judge.Default);
        services.AddSingleton<BranchJudgement>();
        services.AddSingleton(sp => new TableBranchStateStore(Table(sp, TableBranchStateStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBranchStateStore>(sp => sp.GetRequiredService<TableBranchStateStore>());
        services.AddSingleton<IDueIndex>(sp => new TableDueIndex(Table(sp, TableDueIndex.TableName)));
        services.AddSingleton<IManifestArchive>(sp => new BlobManifestArchive(Container(sp, BlobManifestArchive.ContainerName)));
        services.AddSingleton<IBaselineStore>(sp => new BlobBaselineStore(Container(sp, BlobBaselineStore.ContainerName)));
        services.AddSingleton<LargeManifestGate>();
        services.AddSingleton<BranchQueue>();
        services.AddSingleton<IRegistryStore>(sp => new RegistryStore(Table(sp, RegistryStore.TableName), Container(sp, RegistryStore.ContainerName)));
        services.AddSingleton<RegistryService>();
        services.AddSingleton<IBranchDirectory>(sp => sp.GetRequiredService<RegistryService>());
        services.AddSingleton<IngestService>();
        services.AddSingleton<AcknowledgeService>();
        services.AddSingleton<StatusService>();
        services.AddSingleton<SweepService>();
        services.AddSingleton<IOutbox>(sp => new TableOutbox(Table(sp, TableOutbox.TableName), Table(sp, TableBranchStateStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSheet(configuration);
        return services;
    }

    /// <summary>
    /// The managers' sheet: Google when GoogleSpreadsheetId is set, otherwise whatever writer the host registered
    /// before (the local host's local sheet), or a writer that reports the missing setting.
    /// </summary>
    private static void AddSheet(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SheetSettings.Options(configuration));
        services.AddSingleton<ISheetLedgerStore>(sp => new BlobSheetLedgerStore(Container(sp, BlobSheetLedgerStore.ContainerName)));
        services.AddSingleton<SheetDispatcher>();
        services.AddSingleton<DispatchPump>();
        services.AddSingleton<IDispatchSignal>(sp => sp.GetRequiredService<DispatchPump>());
        services.AddHostedService(sp => sp.GetRequiredService<DispatchPump>());
        if (SheetSettings.Google(configuration) is { } google)
        {
            services.AddGoogleSheet(google);
        }
        else
        {
            services.TryAddSingleton<ISheetWriter, UnconfiguredSheetWriter>();
        }
    }

    /// <summary>Creates the tables and containers if absent: Bicep does it in Azure; locally nothing else would.</summary>
    public static async Task EnsureStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var tables = services.GetRequiredService<TableServiceClient>();
        var blobs = services.GetRequiredService<BlobServiceClient>();
        foreach (var name in new[] { TableBranchStateStore.TableName, RegistryStore.TableName, TableDueIndex.TableName, TableOutbox.TableName })
        {
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in new[] { BlobManifestArchive.ContainerName, BlobBaselineStore.ContainerName, RegistryStore.ContainerName, BlobSheetLedgerStore.ContainerName })
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableClient Table(IServiceProvider sp, string name) => sp.GetRequiredService<TableServiceClient>().GetTableClient(name);

    private static BlobContainerClient Container(IServiceProvider sp, string name) => sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(name);
}
