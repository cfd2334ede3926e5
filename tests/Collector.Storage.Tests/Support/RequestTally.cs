using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MonitoramentoBKP.Collector.Storage.Tests.Support;

/// <summary>Counts a client's storage requests by HTTP method: what Azure bills per transaction, told apart as the price list does.</summary>
public sealed class RequestTally(string service) : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public string Service { get; } = service;

    public int Total => _counts.Values.Sum();

    /// <summary>Requests by method (GET, HEAD, PUT, POST, PATCH, MERGE, DELETE) since the last <see cref="Reset"/>.</summary>
    public IReadOnlyDictionary<string, int> ByMethod => _counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public int Count(params string[] methods) => methods.Sum(m => _counts.GetValueOrDefault(m));

    public void Reset() => _counts.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        _counts.AddOrUpdate(message.Request.Method.Method, 1, (_, n) => n + 1);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        _counts.AddOrUpdate(message.Request.Method.Method, 1, (_, n) => n + 1);
        return ProcessNextAsync(message, pipeline);
    }
}
