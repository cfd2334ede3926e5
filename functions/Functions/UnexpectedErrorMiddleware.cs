using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// The one place unexpected exceptions are logged in full; expected refusals never get here (they are values).
/// A body the web server refused while a function read it is input, not a fault: it is answered with
/// <see cref="BodyReadProblems"/> (413, 408, 400) and logged as a refusal, never turned into a 500.
/// </summary>
public sealed partial class UnexpectedErrorMiddleware(ILogger<UnexpectedErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (BodyReadProblems.Rejection(e) is { } rejected && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            Refused(logger, rejected.StatusCode, context.FunctionDefinition.Name, rejected.Message);
            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await BodyReadProblems.Problem(rejected, limit).ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Failed(logger, e, context.FunctionDefinition.Name, context.InvocationId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed (invocation {InvocationId})")]
    private static partial void Failed(ILogger logger, Exception exception, string function, string invocationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Status} in {Function}: {Reason}")]
    private static partial void Refused(ILogger logger, int status, string function, string reason);
}
