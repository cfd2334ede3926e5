using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// Reads a request body into a validated manifest: the compressed body capped (it is archived as it came), the
/// manifest parsed as a stream straight from the gzip stream (memory follows its objects, never its
/// decompressed bytes), which must end where its last member ends (<see cref="CompleteGzipStream"/>), capped
/// after decompression and per value, large ones a few at a time per instance
/// (<see cref="LargeManifestGate"/>); deserialized strictly (unknown or missing properties refused), then checked
/// by <see cref="ManifestValidator"/>, the schema's rules in code. Every refusal says what was wrong and where.
/// </summary>
public static class ManifestReader
{
    /// <summary>The manifest and its gzip body, or the refusal; <see cref="Place"/> (a large manifest's share of the gate) is released by the caller when done.</summary>
    public sealed record Read(Manifest? Manifest, byte[] Gzip, IngestOutcome? Refusal, IDisposable? Place = null);

    public static async Task<Read> ReadAsync(IngestRequest request, IngestLimits limits, LargeManifestGate gate, CancellationToken cancellationToken)
    {
        var gzip = string.Equals(request.ContentEncoding?.Trim(), "gzip", StringComparison.OrdinalIgnoreCase);
        if (request.ContentEncoding is { Length: > 0 } encoding && !gzip && !string.Equals(encoding.Trim(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(IngestOutcome.Refused(415, "unsupported-encoding", "Unsupported Content-Encoding", $"Content-Encoding '{encoding}' is not accepted; send gzip or identity."));
        }

        if (request.ContentLength > limits.MaxCompressedBytes)
        {
            return Refuse(TooLarge($"the request body is {request.ContentLength} bytes; at most {limits.MaxCompressedBytes} are accepted"));
        }

        var place = gate.Open();
        try
        {
            if (request.ContentLength > limits.LargeBodyBytes)
            {
                await place.HoldAsync(cancellationToken).ConfigureAwait(false);
            }

            var body = await ReadBodyAsync(request.Body, limits, place.HoldAsync, cancellationToken).ConfigureAwait(false);
            if (request.Verify is { } verify && await verify(body, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                place.Dispose();
                return Refuse(IngestOutcome.Refused(refused.StatusCode, refused.Type, refused.Title, refused.Detail));
            }

            Manifest manifest;
            await using (var json = new GuardedJsonStream(gzip ? new CompleteGzipStream(body) : new MemoryStream(body), limits, place.CoverAsync))
            {
                manifest = await JsonSerializer.DeserializeAsync(json, ContractsJson.Context.Manifest, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("the body is JSON null", "$", null, null);
            }

            var errors = ManifestValidator.Validate(manifest);
            if (errors.Count > 0)
            {
                place.Dispose();
                return Refuse(Invalid(string.Join("; ", errors)));
            }

            return new Read(manifest, gzip ? body : Compress(body), null, place);
        }
        catch (Exception e) when (e is ManifestTooLargeException or CollectorBusyException or InvalidDataException or JsonException)
        {
            place.Dispose();
            return Refuse(e switch
            {
                ManifestTooLargeException => TooLarge(e.Message),
                CollectorBusyException => IngestOutcome.Busy(limits.RetryAfterSeconds, e.Message),
                InvalidDataException => IngestOutcome.Refused(400, "bad-gzip", "Body is not valid gzip", $"Content-Encoding says gzip but the body could not be decompressed: {e.Message}"),
                _ => Invalid($"the body is not a valid manifest: {Where((JsonException)e)}{FirstSentence(e.Message)}"),
            });
        }
        catch
        {
            place.Dispose();
            throw;
        }

        static Read Refuse(IngestOutcome outcome) => new(null, [], outcome);
    }

    private static string Where(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"{path}: " : e.LineNumber is { } line ? $"line {line + 1}: " : "";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private static IngestOutcome TooLarge(string detail) => IngestOutcome.Refused(413, "too-large", "Manifest too large", detail);

    private static IngestOutcome Invalid(string detail) => IngestOutcome.Refused(400, "invalid-manifest", "Invalid manifest", detail);

    /// <summary>The body as sent (it is archived as it came), capped; once past the large-body size it takes its first share of the gate.</summary>
    private static async Task<byte[]> ReadBodyAsync(Stream source, IngestLimits limits, Func<CancellationToken, Task> onLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > limits.MaxCompressedBytes)
            {
                throw new ManifestTooLargeException($"the request body exceeds {limits.MaxCompressedBytes} bytes");
            }

            buffer.Write(chunk, 0, n);
            if (buffer.Length > limits.LargeBodyBytes)
            {
                await onLarge(cancellationToken).ConfigureAwait(false);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream();
        using (var deflate = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(json);
        }

        return output.ToArray();
    }
}
