using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// What the web server refuses while a function reads a request body (a body past the server's limit, broken
/// chunked encoding, a client sending too slowly), answered as problem details naming the limit or the fault.
/// The same answer in Azure (<see cref="UnexpectedErrorMiddleware"/>) and on the local host: input is never a 500.
/// </summary>
public static class BodyReadProblems
{
    /// <summary>The server's refusal inside <paramref name="e"/>, however the invocation wrapped it; null for anything else.</summary>
    public static BadHttpRequestException? Rejection(Exception e) => e switch
    {
        BadHttpRequestException bad => bad,
        TargetInvocationException { InnerException: { } inner } => Rejection(inner),
        AggregateException { InnerExceptions: [var only] } => Rejection(only),
        _ => null,
    };

    public static ObjectResult Problem(BadHttpRequestException e, long? limit) => e.StatusCode switch
    {
        413 => Problems.Of(413, "too-large", "Request body too large",
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the server accepts: at most {limit} bytes. {e.Message}"),
            new Dictionary<string, object?> { ["maxBytes"] = limit }),
        408 => Problems.Of(408, "request-timeout", "Request timeout", $"The request body did not arrive in time: {e.Message}"),
        var status => Problems.Of(status, "bad-request", "Bad request", $"The request could not be read: {e.Message}"),
    };
}
