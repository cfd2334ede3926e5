using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>Manifests as a probe would send them, and requests carrying them.</summary>
public static class Manifests
{
    public static byte[] Json(Manifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, ContractsJson.Context.Manifest);

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Whether a gzip body, read whole by the platform's own decoder (which checks each member's CRC-32 and length),
    /// decodes to exactly <paramref name="content"/>. Deflate is not canonical: some changed bytes (in a header's time
    /// or OS, or in a Huffman table entry no symbol uses) still decode to the same content, and then the body is that
    /// same manifest.
    /// </summary>
    public static bool DecodesTo(byte[] gzipBody, byte[] content)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(gzipBody), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray().AsSpan().SequenceEqual(content);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public static IngestRequest Request(Manifest manifest) => Request(Gzip(Json(manifest)));

    public static IngestRequest Request(byte[] gzipBody, string encoding = "gzip") => new()
    {
        Body = new MemoryStream(gzipBody),
        ContentEncoding = encoding,
        ContentLength = gzipBody.Length,
    };
}
