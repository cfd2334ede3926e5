using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.Storage;
using MonitoramentoBKP.Functions;
using MonitoramentoBKP.Functions.Sheets;
using MonitoramentoBKP.LocalHost;
using MonitoramentoBKP.LocalHost.LocalSheet;

// The collector on this machine: the Functions app's classes on Kestrel, its timers on a background service,
// Azurite started here when no storage is configured (stopped on exit), and, without Google settings, the local
// sheet (the page at / and CSV files). "sheets init" lays the sheet out and exits.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var command = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
await using var azurite = string.IsNullOrWhiteSpace(builder.Configuration["Storage"]) ? await LocalAzurite.StartAsync() : null;
if (azurite is not null)
{
    builder.Configuration["Storage"] = azurite.ConnectionString;
}

var localSheet = SheetSettings.Google(builder.Configuration) is null ? LocalSheetFolder.Open(builder.Configuration, fresh: azurite is not null) : null;
if (localSheet is not null)
{
    builder.Services.AddSingleton<ISheetWriter>(localSheet);
}

// Alert routes without channel settings write what they would send to a folder, so it can be read.
var localOutbox = LocalOutboxFolder.Open(builder.Configuration);
builder.Services.AddSingleton<MonitoramentoBKP.Functions.Alerts.IUnconfiguredRoutes>(localOutbox);
builder.Services.AddCollector(builder.Configuration);
builder.Services.AddKestrelLimits();
builder.Services.AddMvcCore();
builder.Services.AddFunctionClasses(typeof(CollectorRegistration).Assembly);
if (command is not ["sheets", "init"])
{
    builder.Services.AddHostedService<TimerTriggers>();
}

var app = builder.Build();
if (azurite is not null)
{
    AzuriteLog.Started(app.Logger, azurite.ConnectionString);
}

await CollectorRegistration.EnsureStorageAsync(app.Services, CancellationToken.None);
if (command is ["sheets", "init"])
{
    return await SheetsInitCommand.RunAsync(app.Services, Console.Out);
}

Console.WriteLine($"Alert routes without settings (Alerts__Routes__...) write the messages they would send to {localOutbox.Folder}/<route>/");
app.UseKestrelProblems();
app.MapFunctions(typeof(CollectorRegistration).Assembly, app.Configuration["FunctionKey"]);
if (localSheet is not null)
{
    app.MapLocalSheet("/", localSheet);
    app.Lifetime.ApplicationStarted.Register(() => _ = SheetsInitCommand.RunAsync(app.Services, TextWriter.Null));
}

await app.RunAsync();
return 0;
