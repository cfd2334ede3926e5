using Microsoft.Net.Http.Headers;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>Serves the local sheet's page.</summary>
public static class LocalSheetEndpoints
{
    public static IEndpointConventionBuilder MapLocalSheet(this IEndpointRouteBuilder endpoints, string pattern, LocalSheetWriter sheet, int refreshSeconds = LocalSheetPage.DefaultRefreshSeconds) =>
        endpoints.MapGet(pattern, (HttpContext context) =>
        {
            var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;

            // Each reload must show the sheet as it is now.
            context.Response.Headers[HeaderNames.CacheControl] = "no-store";
            return Results.Content(LocalSheetPage.Render(sheet.Snapshot(), time.GetLocalNow(), refreshSeconds), "text/html; charset=utf-8");
        });
}
