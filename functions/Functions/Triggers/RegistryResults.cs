using Microsoft.AspNetCore.Mvc;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>An import report as HTTP: 200 with what changed, or 400 listing every problem by path.</summary>
internal static class RegistryResults
{
    public static IActionResult From(ImportReport report) => report.Succeeded
        ? new OkObjectResult(new { report.Added, report.Changed, report.Unchanged, report.NotListed })
        : Problems.Of(400, "https://monitoramentobkp.example/problems/invalid-registry", "Invalid registry",
            $"{report.Problems.Count} problem(s); nothing was applied.",
            new Dictionary<string, object?> { ["problems"] = report.Problems.Select(p => new { p.Path, p.Message }).ToList() });
}
