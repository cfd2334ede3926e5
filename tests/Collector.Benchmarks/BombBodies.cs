using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// The hostile bodies of the bombs scenario, each gzip as a probe sends it: a few hundred kilobytes that inflate
/// far past the collector's caps (64 MiB decompressed, 256 KiB for one JSON value), and a valid manifest of as
/// many small file objects as fit under the decompressed cap.
/// </summary>
public static class BombBodies
{
    /// <summary>What a bomb inflates to: 250 MiB, as in the issue (eight of them took the host to 4.9 GB).</summary>
    public const long BombInflated = 250L * 1024 * 1024;

    /// <summary>The collector's decompressed cap (64 MiB); the valid manifest stays 1 MiB under it.</summary>
    public static readonly long DecompressedCap = new IngestLimits().MaxManifestBytes;

    public static readonly long UnderCapInflated = DecompressedCap - (1024 * 1024);

    /// <summary>Every file of the file-list bodies is a 4 MiB transaction-log backup.</summary>
    public const long FileSize = 4L * 1024 * 1024;

    private static readonly byte[] Spaces = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));

    /// <summary>(a) An object opened, then nothing but spaces: no token ever ends, so only the decompressed cap can stop it.</summary>
    public static (byte[] Gzip, long Inflated) Whitespace()
    {
        using var body = new InflatedBody(CompressionLevel.SmallestSize);
        body.Write("{"u8);
        body.Repeat(Spaces, BombInflated);
        return (body.Finish(), body.Inflated);
    }

    /// <summary>(b) A manifest whose host name is one string of 250 MiB: a parser must hold a string whole.</summary>
    public static (byte[] Gzip, long Inflated) HugeString(string branchId, Guid runId)
    {
        using var body = new InflatedBody(CompressionLevel.SmallestSize);
        body.Write(Encoding.UTF8.GetBytes($$"""{"schemaVersion":{{Manifest.CurrentSchemaVersion}},"runId":"{{runId:D}}","branchId":"{{branchId}}","probeVersion":"0.1.0","hostName":""" + "\""));
        body.Repeat(Encoding.ASCII.GetBytes(new string('A', 64 * 1024)), BombInflated - 2);
        body.Write("\"}"u8);
        return (body.Finish(), body.Inflated);
    }

    /// <summary>(d) A manifest whose sets are arrays inside arrays, 250 MiB deep, never closed.</summary>
    public static (byte[] Gzip, long Inflated) DeepNesting(string branchId, Guid runId)
    {
        using var body = new InflatedBody(CompressionLevel.SmallestSize);
        body.Write(Encoding.UTF8.GetBytes($$"""{"schemaVersion":{{Manifest.CurrentSchemaVersion}},"runId":"{{runId:D}}","branchId":"{{branchId}}","sets":"""));
        body.Repeat(Encoding.ASCII.GetBytes(new string('[', 64 * 1024)), BombInflated);
        return (body.Finish(), body.Inflated);
    }

    /// <summary>
    /// (c, beyond the cap) A well-formed manifest of one set whose file list is the same small file object
    /// repeated to 250 MiB: every object is valid, so the parser builds them until the cap stops it.
    /// </summary>
    public static (byte[] Gzip, long Inflated) FilesBeyondCap(Manifest header)
    {
        var (head, tail) = Split(header);
        using var body = new InflatedBody(CompressionLevel.SmallestSize);
        body.Write(head);
        var file = FileObject("LOG/Vendas_LOG.trn");
        body.Write(file);
        var next = new byte[file.Length + 1];
        next[0] = (byte)',';
        file.CopyTo(next, 1);

        // Many copies per write: one GZipStream.Write per 200-byte object would make building the bomb the slow part.
        var chunk = Enumerable.Repeat(next, 64 * 1024 / next.Length).SelectMany(b => b).ToArray();
        body.Repeat(chunk, BombInflated - tail.Length);
        body.Write(tail);
        return (body.Finish(), body.Inflated);
    }

    /// <summary>
    /// (c, under the cap) A valid manifest of one set with as many distinct small files as fit 1 MiB under the
    /// decompressed cap (about 280,000): it is accepted, judged and stored like any other. <paramref name="header"/>
    /// makes the manifest, without files, for a file count and total size.
    /// </summary>
    public static (byte[] Gzip, long Inflated, int Files) FilesUnderCap(Func<int, long, Manifest> header)
    {
        // The path is the only thing that changes: "LOG/0000000/Vendas_LOG_0000000.trn" with the file's number twice.
        var sample = FileObject("LOG/#######/Vendas_LOG_#######.trn");
        var text = Encoding.UTF8.GetString(sample);
        var first = text.IndexOf('#', StringComparison.Ordinal);
        var second = text.IndexOf('#', first + 7);
        var prefix = sample.AsSpan(0, first).ToArray();
        var middle = sample.AsSpan(first + 7, second - first - 7).ToArray();
        var suffix = sample.AsSpan(second + 7).ToArray();

        // The count is in the header, whose length depends on the count: settle it in a few passes.
        var files = 0;
        byte[] head = [], tail = [];
        for (var pass = 0; pass < 4; pass++)
        {
            (head, tail) = Split(header(files, files * FileSize));
            var fit = (int)((UnderCapInflated - head.Length - tail.Length + 1) / (sample.Length + 1));
            if (fit == files)
            {
                break;
            }

            files = fit;
        }

        using var body = new InflatedBody(CompressionLevel.Fastest);
        body.Write(head);
        Span<byte> digits = stackalloc byte[7];
        for (var i = 0; i < files; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            Utf8Formatter.TryFormat(i, digits, out _, new System.Buffers.StandardFormat('D', 7));
            body.Write(prefix);
            body.Write(digits);
            body.Write(middle);
            body.Write(digits);
            body.Write(suffix);
        }

        body.Write(tail);
        return (body.Finish(), body.Inflated, files);
    }

    /// <summary>The manifest's JSON cut where its one set's file list goes: up to and including "files":[, and from the closing ] on.</summary>
    private static (byte[] Head, byte[] Tail) Split(Manifest header)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header, ContractsJson.Context.Manifest);
        var marker = "\"files\":[]"u8;
        var at = json.AsSpan().IndexOf(marker);
        if (at < 0 || header.Sets.Count != 1 || header.Sets[0].Files.Count != 0)
        {
            throw new InvalidOperationException("the bomb's header must be a manifest of one set with no files");
        }

        var cut = at + marker.Length - 1;
        return (json[..cut], json[cut..]);
    }

    /// <summary>One file object as the probe writes it: a transaction-log backup, hashed in an earlier run, not an archive.</summary>
    private static byte[] FileObject(string path)
    {
        var written = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
        var file = new FileReport
        {
            Path = path,
            Size = FileSize,
            LastWriteUtc = written,
            Sha256 = new string('a', 64),
            HashedThisRun = false,
            VerifiedUtc = written.AddHours(1),
            Archive = ArchiveReport.NotAnArchive,
        };
        return JsonSerializer.SerializeToUtf8Bytes(file, ContractsJson.Context.FileReport);
    }
}
