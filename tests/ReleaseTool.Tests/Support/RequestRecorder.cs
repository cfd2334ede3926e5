using Azure.Core;
using Azure.Core.Pipeline;

namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>Records "METHOD path" of every storage request a client sends, in order.</summary>
public sealed class RequestRecorder : HttpPipelinePolicy
{
    private readonly List<string> _requests = [];

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        lock (_requests)
        {
            _requests.Add($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
        }
    }
}
