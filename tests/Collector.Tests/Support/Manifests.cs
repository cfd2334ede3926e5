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

    public static IngestRequest Request(Manifest manifest) => Request(Gzip(Json(manifest)));

    public static IngestRequest Request(byte[] gzipBody, string encoding = "gzip") => new()
    {
        Body = new MemoryStream(gzipBody),
        ContentEncoding = encoding,
        ContentLength = gzipBody.Length,
    };
}
