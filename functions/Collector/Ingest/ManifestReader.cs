using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// Reads a request body into a validated manifest: size capped before and after decompression, deserialized
/// strictly (unknown or missing properties refused), then checked by <see cref="ManifestValidator"/>, the
/// schema's rules in code. Every refusal says what was wrong and where.
/// </summary>
public static class ManifestReader
{
    public sealed record Read(Manifest? Manifest, byte[] Gzip, IngestOutcome? Refusal);

    public static async Task<Read> ReadAsync(IngestRequest request, IngestLimits limits, CancellationToken cancellationToken)
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

        var body = await ReadCappedAsync(request.Body, limits.MaxCompressedBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse(TooLarge($"the request body exceeds {limits.MaxCompressedBytes} bytes"));
        }

        byte[] json;
        if (gzip)
        {
            try
            {
                await using var inflate = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
                var inflated = await ReadCappedAsync(inflate, limits.MaxManifestBytes, cancellationToken).ConfigureAwait(false);
                if (inflated is null)
                {
                    return Refuse(TooLarge($"the manifest decompresses to more than {limits.MaxManifestBytes} bytes"));
                }

                json = inflated;
            }
            catch (InvalidDataException e)
            {
                return Refuse(IngestOutcome.Refused(400, "bad-gzip", "Body is not valid gzip", $"Content-Encoding says gzip but the body could not be decompressed: {e.Message}"));
            }
        }
        else
        {
            json = body;
            body = Compress(json);
        }

        Manifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest)
                ?? throw new JsonException("the body is JSON null", "$", null, null);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $"{path}: " : e.LineNumber is { } line ? $"line {line + 1}: " : "";
            return Refuse(Invalid($"the body is not a valid manifest: {where}{FirstSentence(e.Message)}"));
        }

        var errors = ManifestValidator.Validate(manifest);
        return errors.Count > 0 ? Refuse(Invalid(string.Join("; ", errors))) : new Read(manifest, body, null);

        static Read Refuse(IngestOutcome outcome) => new(null, [], outcome);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private static IngestOutcome TooLarge(string detail) => IngestOutcome.Refused(413, "too-large", "Manifest too large", detail);

    private static IngestOutcome Invalid(string detail) => IngestOutcome.Refused(400, "invalid-manifest", "Invalid manifest", detail);

    /// <summary>Reads a stream to its end, or returns null as soon as it passes <paramref name="cap"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream source, long cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
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
