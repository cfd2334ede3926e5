using MonitoramentoBKP.Functions;
using MonitoramentoBKP.Collector.Storage;
using MonitoramentoBKP.LocalHost;

// The collector on this machine: the Functions app's classes on Kestrel, its timers on a background service,
// and Azurite started here when no storage is configured (stopped on exit).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
await using var azurite = string.IsNullOrWhiteSpace(builder.Configuration["Storage"]) ? await LocalAzurite.StartAsync() : null;
if (azurite is not null)
{
    builder.Configuration["Storage"] = azurite.ConnectionString;
}

builder.Services.AddCollector(builder.Configuration);
builder.Services.AddMvcCore();
builder.Services.AddFunctionClasses(typeof(CollectorRegistration).Assembly);
builder.Services.AddHostedService<TimerTriggers>();

var app = builder.Build();
await CollectorRegistration.EnsureStorageAsync(app.Services, CancellationToken.None);
app.MapFunctions(typeof(CollectorRegistration).Assembly, app.Configuration["FunctionKey"]);
await app.RunAsync();
