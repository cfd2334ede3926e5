using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace MonitoramentoBKP.Functions;

/// <summary>A problem-details answer (see <see cref="Problems"/>), with Retry-After when the client should try again later (503).</summary>
public sealed class ProblemResult(ProblemDetails problem, int? retryAfterSeconds) : ObjectResult(problem)
{
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public override void OnFormatting(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.OnFormatting(context);
        if (RetryAfterSeconds is { } seconds)
        {
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
