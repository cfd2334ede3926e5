using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Functions;

namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// Kestrel's own limits on the local host. Its body limit sits above the collector's own cap, so a too-large
/// manifest is refused by the collector (which checks Content-Length and counts what it reads) with its 413
/// naming that cap, as in Azure; and what Kestrel still refuses while the app reads a body (a body past its
/// limit on another route, broken chunked encoding, a client sending too slowly) is answered, in this one
/// place, with problem details naming the limit or the fault instead of Kestrel's bare status. Requests Kestrel
/// rejects before any app code runs (a malformed request line or header, headers too large) keep Kestrel's
/// bare answer: Kestrel offers no hook for those.
/// </summary>
public static partial class KestrelLimits
{
    /// <summary>Room above the collector's cap, so its own count of what it read always trips first.</summary>
    private const long Headroom = 1024 * 1024;

    public static long MaxRequestBodySize(IngestLimits limits) => limits.MaxCompressedBytes + Headroom;

    public static IServiceCollection AddKestrelLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IngestLimits>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize(limits));
        return services;
    }

    public static IApplicationBuilder UseKestrelProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (BodyReadProblems.Rejection(e) is { } rejected && !context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KestrelLimits));
            Rejected(logger, rejected.StatusCode, context.Request.Method, context.Request.Path, rejected.Message);
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await BodyReadProblems.Problem(rejected, limit).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Status} to {Method} {Path}: {Reason}")]
    private static partial void Rejected(ILogger logger, int status, string method, PathString path, string reason);
}
