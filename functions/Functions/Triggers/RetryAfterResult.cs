using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>A problem-details answer that also tells the client when to try again (Retry-After, in seconds).</summary>
public sealed class RetryAfterResult(ObjectResult problem, TimeSpan retryAfter) : ObjectResult(problem.Value)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public string RetryAfterHeader => ((int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public override void OnFormatting(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.OnFormatting(context);
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterHeader;
    }
}
