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

    /// <summary>A problem, with Retry-After when the caller should try again later (503).</summary>
    private sealed class ProblemResult(ProblemDetails problem, int? retryAfterSeconds) : ObjectResult(problem)
    {
        public override void OnFormatting(ActionContext context)
        {
            base.OnFormatting(context);
            if (retryAfterSeconds is { } seconds)
            {
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
