using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// Maps every HTTP-triggered function of the Functions app to Kestrel from its own attributes (route, methods,
/// authorization level), so what runs locally is exactly what runs in Azure. Non-anonymous functions want the
/// key from the FunctionKey setting in x-functions-key or ?code=, as the Functions host does.
/// </summary>
public static class FunctionRouting
{
    public static IServiceCollection AddFunctionClasses(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in FunctionTypes(assembly))
        {
            services.AddTransient(type);
        }

        return services;
    }

    public static void MapFunctions(this WebApplication app, Assembly assembly, string? key)
    {
        foreach (var method in FunctionTypes(assembly).SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is null)
            {
                continue;
            }

            var needsKey = trigger.AuthLevel != AuthorizationLevel.Anonymous;
            app.MapMethods("/api/" + trigger.Route, trigger.Methods!.Select(m => m.ToUpperInvariant()), context => InvokeAsync(context, method, needsKey ? key : null));
        }
    }

    internal static IEnumerable<Type> FunctionTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null));

    private static async Task InvokeAsync(HttpContext context, MethodInfo method, string? key)
    {
        if (key is not null && context.Request.Headers["x-functions-key"] != key && context.Request.Query["code"] != key)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var target = context.RequestServices.GetRequiredService(method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context.Request,
            var t when t == typeof(CancellationToken) => context.RequestAborted,
            var t when t == typeof(string) => (object?)context.Request.RouteValues[p.Name!]?.ToString(),
            _ => throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: the local host cannot bind a {p.ParameterType.Name} parameter."),
        }).ToArray();

        var returned = method.Invoke(target, arguments);
        var result = returned switch
        {
            Task<IActionResult> task => await task.ConfigureAwait(false),
            IActionResult plain => plain,
            _ => throw new InvalidOperationException($"{method.Name} returned {returned?.GetType().Name}"),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
    }
}
