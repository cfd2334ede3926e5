using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// An import report as HTTP: 200 with what changed; 400 listing every problem by path; 503 with Retry-After when
/// other edits kept switching the registry under every attempt (nothing was applied).
/// </summary>
internal static class RegistryResults
{
    public const string InvalidRegistryType = "https://monitoramentobkp.example/problems/invalid-registry";
    public const string RegistryBusyType = "https://monitoramentobkp.example/problems/registry-busy";

    public static IActionResult From(ImportReport report)
    {
        if (report.RetryAfter is { } retryAfter)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            return Problems.Of(503, RegistryBusyType, "Registry busy",
                string.Create(CultureInfo.InvariantCulture, $"Other registry edits kept landing first; nothing was applied. Try again in {seconds} s."), retryAfterSeconds: seconds);
        }

        return report.Succeeded
            ? new OkObjectResult(new { report.Added, report.Changed, report.Unchanged, report.NotListed })
            : Problems.Of(400, InvalidRegistryType, "Invalid registry",
                $"{report.Problems.Count} problem(s); nothing was applied.",
                new Dictionary<string, object?> { ["problems"] = report.Problems.Select(p => new { p.Path, p.Message }).ToList() });
    }
}
