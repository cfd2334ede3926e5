using Microsoft.AspNetCore.Mvc;

namespace MonitoramentoBKP.Functions;

/// <summary>RFC 7807 problem-details responses: what was wrong, for the probe's log and for ops.</summary>
public static class Problems
{
    public static ObjectResult Of(int status, string type, string title, string? detail, IDictionary<string, object?>? extensions = null, int? retryAfterSeconds = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return new ProblemResult(problem, retryAfterSeconds) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
