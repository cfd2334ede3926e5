using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace MonitoramentoBKP.Functions;

/// <summary>
/// Runs one dispatch shortly after it is signalled, signals arriving together coalesced into one (a burst of
/// manifests is one dispatch). Best effort: an instance frozen or recycled before it dispatches loses nothing,
/// the dispatch's timer delivers the rest.
/// </summary>
public abstract class CoalescingPump(TimeSpan delay) : BackgroundService
{
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Raise() => signals.Writer.TryWrite(true);

    /// <summary>One dispatch; its own failures are logged by it, not thrown (the timer tries again).</summary>
    protected abstract Task DispatchAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await signals.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                signals.Reader.TryRead(out _);
                await DispatchAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
