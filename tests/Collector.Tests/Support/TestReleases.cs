using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>Release uploads as the release tool makes them: executables, and their document signed with a throwaway key.</summary>
public static class TestReleases
{
    public const string LinuxFile = "bkp-probe-linux-x64";
    public const string WindowsFile = "bkp-probe-win-x64.exe";

    /// <summary>The content of a release's file: a few KB that differ per version and runtime.</summary>
    public static byte[] Content(string version, string runtime) => [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 31) ^ version.GetHashCode(StringComparison.Ordinal) ^ runtime.Length))];

    /// <summary>The release document of <paramref name="version"/> for both runtimes, expiring 30 days after <paramref name="publishedUtc"/>.</summary>
    public static ReleaseDocument Document(string channel, string version, DateTime publishedUtc) => new()
    {
        Type = ReleaseDocument.DocumentType,
        Version = version,
        Channel = channel,
        PublishedUtc = publishedUtc,
        ExpiresUtc = publishedUtc.AddDays(30),
        Files =
        [
            File("linux-x64", LinuxFile, Content(version, "linux-x64")),
            File("win-x64", WindowsFile, Content(version, "win-x64")),
        ],
    };

    public static ReleaseFile File(string runtime, string name, byte[] content) =>
        new() { Runtime = runtime, Name = name, Length = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };

    /// <summary>The envelope of <paramref name="signed"/> (raw JSON bytes of a document), signed once.</summary>
    public static byte[] Envelope(byte[] signed)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return SignedEnvelope.Write(signed, [EnvelopeSigning.Sign(signed, key)]);
    }

    public static byte[] Envelope(ReleaseDocument document) => Envelope(JsonSerializer.SerializeToUtf8Bytes(document, ContractsJsonContext.Default.ReleaseDocument));

    /// <summary>Uploads <paramref name="document"/> and its files (content as <see cref="Content"/>) under <c>{channel}/{version}/</c> (the document's channel unless <paramref name="folder"/> says another).</summary>
    public static void Upload(InMemoryReleases store, ReleaseDocument document, string? folder = null, bool files = true)
    {
        var at = $"{folder ?? document.Channel}/{document.Version}/";
        if (files)
        {
            foreach (var file in document.Files)
            {
                store.Blobs[at + file.Name] = Content(document.Version, file.Runtime);
            }
        }

        store.Blobs[at + "release.json"] = Envelope(document);
    }
}
