using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using MonitoramentoBKP.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnexpectedErrorMiddleware>();
builder.Services.AddCollector(builder.Configuration);
builder.Build().Run();
