using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Google;
using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Functions.Alerts;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Functions.Sheets;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage;
using MonitoramentoBKP.Collector.Sweep;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// The collector's services, registered once for the Functions app and the local host alike. Storage is the
/// connection string in "Storage" (the emulator locally) or, in Azure, the account in "StorageAccountName"
/// reached with the app's user-assigned managed identity, whose client id is "ManagedIdentityClientId" (no account
/// keys; not DefaultAzureCredential, which would try other identities first and could pick the wrong one). The same
/// identity signs the release download links (user-delegation SAS) when <c>ReleaseDownloads</c> is <c>redirect</c>.
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
                clients.UseCredential(AzureCredential(configuration));
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
        services.AddSingleton<MemoryReturn>();
        services.AddSingleton(sp =>
        {
            var gate = new LargeManifestGate(sp.GetRequiredService<IngestLimits>());
            sp.GetRequiredService<MemoryReturn>().Watch(gate);
            return gate;
        });
        services.AddSingleton<BranchQueue>();
        services.AddSingleton<IRegistryStore>(sp => new RegistryStore(Table(sp, RegistryStore.TableName), Container(sp, RegistryStore.ContainerName)));
        services.AddSingleton<RegistryService>();
        services.AddSingleton<IBranchDirectory>(sp => sp.GetRequiredService<RegistryService>());
        services.AddSingleton(new IdentityLimits());
        services.AddSingleton<IIdentityStore>(sp => new TableIdentityStore(Table(sp, TableIdentityStore.TableName)));
        services.AddSingleton<ProbeAuthenticator>();
        services.AddSingleton<EnrollmentService>();
        services.AddSingleton<ProbeRequests>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<UninstallService>();
        services.AddSingleton(ReleaseSettings.From(configuration));
        services.AddSingleton<IRolloutStore>(sp => new TableRolloutStore(Table(sp, TableRolloutStore.TableName)));
        services.AddSingleton<IReleaseStore>(sp => new BlobReleaseStore(
            Container(sp, BlobReleaseStore.ContainerName),
            string.IsNullOrWhiteSpace(connectionString) ? BlobReleaseStore.KeysOf(sp.GetRequiredService<BlobServiceClient>()) : null,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReleaseService>();
        services.AddSingleton<AcknowledgeService>();
        services.AddSingleton<SilenceService>();
        services.AddSingleton<StatusService>();
        services.AddSingleton<SweepService>();
        services.AddSingleton<IOutbox>(sp => new TableOutbox(Table(sp, TableOutbox.TableName), Table(sp, TableBranchStateStore.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSheet(configuration);
        services.AddAlerts(configuration);
        return services;
    }

    /// <summary>
    /// The alert routes: their own reader of the outbox, their leased ledger, each route's channel from its
    /// settings (or, with none, whatever the host registered: the local host's outbox folder), and a pump that
    /// hears the same signal as the sheet's.
    /// </summary>
    private static void AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AlertSettings.Options(configuration));
        services.AddChannelHttp(TimeSpan.FromSeconds(30));
        services.AddSingleton<INotifyLedgerStore>(sp => new BlobNotifyLedgerStore(Container(sp, BlobNotifyLedgerStore.ContainerName)));
        services.TryAddSingleton<IAlertSilences>(sp => new Collector.Silencing.StoredSilences(sp.GetRequiredService<RegistryService>(), sp.GetRequiredService<IBranchStateStore>()));
        services.AddSingleton<IRouteChannels>(sp => new ConfiguredRouteChannels(configuration, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IUnconfiguredRoutes>()));
        services.AddSingleton(sp =>
        {
            var time = AlertSettings.Clock(configuration, sp.GetRequiredService<TimeProvider>());
            return new AlertDispatcher(
                sp.GetRequiredService<INotifyLedgerStore>(),
                new TableOutbox(Table(sp, TableOutbox.TableName), Table(sp, TableBranchStateStore.TableName), time, OutboxReader.Channels),
                sp.GetRequiredService<RegistryService>(),
                sp.GetRequiredService<IBranchStateStore>(),
                sp.GetRequiredService<IRolloutStore>(),
                sp.GetRequiredService<IRouteChannels>(),
                sp.GetRequiredService<IAlertSilences>(),
                sp.GetRequiredService<AlertDispatchOptions>(),
                time,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AlertDispatcher>>());
        });
        services.AddSingleton(sp => new AlertPump(sp.GetRequiredService<AlertDispatcher>(), sp.GetRequiredService<AlertDispatchOptions>(), AlertSettings.Clock(configuration, sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AlertPump>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertPump>());
        services.AddSingleton<IDispatchSignal>(sp => new DispatchSignals(sp.GetRequiredService<DispatchPump>(), sp.GetRequiredService<AlertPump>()));
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

    /// <summary>The user-assigned identity the Bicep gives the app; its client id is required with StorageAccountName.</summary>
    public static ManagedIdentityCredential AzureCredential(IConfiguration configuration)
    {
        var clientId = configuration["ManagedIdentityClientId"];
        if (string.IsNullOrWhiteSpace(clientId) || !Guid.TryParse(clientId, out _))
        {
            throw new InvalidOperationException($"Set 'ManagedIdentityClientId' to the client id (a GUID) of the app's user-assigned managed identity; it is '{clientId}'. infra/main.bicep sets it.");
        }

        return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    /// <summary>Creates the tables and containers if absent: Bicep does it in Azure; locally nothing else would.</summary>
    public static async Task EnsureStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var tables = services.GetRequiredService<TableServiceClient>();
        var blobs = services.GetRequiredService<BlobServiceClient>();
        foreach (var name in new[] { TableBranchStateStore.TableName, RegistryStore.TableName, TableDueIndex.TableName, TableOutbox.TableName, TableIdentityStore.TableName, TableRolloutStore.TableName })
        {
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in new[] { BlobManifestArchive.ContainerName, BlobBaselineStore.ContainerName, RegistryStore.ContainerName, BlobSheetLedgerStore.ContainerName, BlobReleaseStore.ContainerName, BlobNotifyLedgerStore.ContainerName })
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableClient Table(IServiceProvider sp, string name) => sp.GetRequiredService<TableServiceClient>().GetTableClient(name);

    private static BlobContainerClient Container(IServiceProvider sp, string name) => sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(name);
}
