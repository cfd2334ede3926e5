using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>The Google sheet writer with its HttpClient: retries with backoff and jitter, Retry-After honoured, a timeout per attempt.</summary>
public static class GoogleSheetsRegistration
{
    public static IServiceCollection AddGoogleSheet(this IServiceCollection services, GoogleSheetOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<GoogleAccessTokens>();
        services.AddHttpClient<GoogleSheetsClient>()
            .AddResilienceHandler("google-sheets", pipeline =>
            {
                pipeline.AddRetry(SheetsRequestOptions.Retry(options));
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        services.AddSingleton<ISheetWriter>(sp => new GoogleSheetWriter(sp.GetRequiredService<GoogleSheetsClient>(), options));
        return services;
    }
}
