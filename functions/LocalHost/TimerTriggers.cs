using System.Reflection;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// Runs the Functions app's timer-triggered functions on their schedules (the same NCRONTAB setting, with
/// seconds), one run at a time each, as the Functions host does.
/// </summary>
public sealed partial class TimerTriggers(IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger<TimerTriggers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = FunctionRouting.FunctionTypes(typeof(Functions.CollectorRegistration).Assembly)
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Trigger is not null)
            .Select(x => RunAsync(x.Method, Resolve(x.Trigger!.Schedule), stoppingToken));
        return Task.WhenAll(timers);
    }

    private string Resolve(string schedule) => schedule.StartsWith('%') && schedule.EndsWith('%')
        ? configuration[schedule.Trim('%')] ?? throw new InvalidOperationException($"The timer schedule setting {schedule} is not set.")
        : schedule;

    private async Task RunAsync(MethodInfo method, string schedule, CancellationToken stoppingToken)
    {
        var cron = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = cron.GetNextOccurrence(now, TimeZoneInfo.Utc) ?? now.AddMinutes(5);
            await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            try
            {
                using var scope = services.CreateScope();
                var target = scope.ServiceProvider.GetRequiredService(method.DeclaringType!);
                var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object)stoppingToken : new TimerInfo()).ToArray();
                if (method.Invoke(target, arguments) is Task task)
                {
                    await task.ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                TimerFailed(logger, e, method.DeclaringType!.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void TimerFailed(ILogger logger, Exception exception, string function);
}
