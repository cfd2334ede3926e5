using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MonitoramentoBKP.Collector.Storage.Tests.Support;

/// <summary>Fails one write request (any method but GET and HEAD) when armed, as storage going away mid-import would; counts writes and every request.</summary>
public sealed class FailingWrites : HttpPipelinePolicy
{
    private int _writes;
    private int _requests;

    /// <summary>The write to fail, counting from 1 after <see cref="Arm"/>; null: none.</summary>
    public int? FailAt { get; private set; }

    public int Writes => Volatile.Read(ref _writes);

    public int Requests => Volatile.Read(ref _requests);

    public void Arm(int? failAt)
    {
        FailAt = failAt;
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _requests, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Method == RequestMethod.Get || message.Request.Method == RequestMethod.Head)
        {
            return;
        }

        var write = Interlocked.Increment(ref _writes);
        if (write == FailAt)
        {
            throw new RequestFailedException(500, $"injected failure of write {write}");
        }
    }
}
