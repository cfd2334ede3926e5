using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace MonitoramentoBKP.Functions;

/// <summary>The one place unexpected exceptions are logged in full; expected refusals never get here (they are values).</summary>
public sealed partial class UnexpectedErrorMiddleware(ILogger<UnexpectedErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Failed(logger, e, context.FunctionDefinition.Name, context.InvocationId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed (invocation {InvocationId})")]
    private static partial void Failed(ILogger logger, Exception exception, string function, string invocationId);
}
