using System.Collections.Concurrent;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>A channel that records what it is sent and answers with the next scripted outcome (delivered when none is left).</summary>
public sealed class RecordingChannel(string kind = "google-chat", bool idempotent = false) : INotificationChannel
{
    public ConcurrentQueue<SendOutcome> Script { get; } = new();
    public ConcurrentQueue<ChannelMessage> Sent { get; } = new();

    /// <summary>Every send attempt, delivered or not.</summary>
    public ConcurrentQueue<ChannelMessage> Attempts { get; } = new();

    /// <summary>Waits this long inside each send (to let two dispatchers overlap).</summary>
    public TimeSpan Delay { get; set; }

    public string Kind => kind;
    public IReadOnlyList<RateLimit> Limits => [];
    public bool Idempotent => idempotent;

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        Attempts.Enqueue(message);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        var outcome = Script.TryDequeue(out var next) ? next : new SendOutcome.Delivered();
        if (outcome is SendOutcome.Delivered || outcome is SendOutcome.Transient { Uncertain: true })
        {
            Sent.Enqueue(message);
        }

        return outcome;
    }
}
