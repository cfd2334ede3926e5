using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// The release keys this probe trusts, from the first of: a key rotation it accepted (<c>release-keys.json</c> in the
/// state folder, the envelope as it was verified), probe.json <c>releaseKeys</c>, the keys built into this build
/// (<c>Update/release-keys.json</c>, an embedded resource). A build with no key built in and none configured has
/// updates off: it never installs anything.
/// </summary>
public static class ReleaseTrust
{
    public const string FileName = "release-keys.json";

    private const string ResourceName = "MonitoramentoBKP.Probe.Update.release-keys.json";

    public static string RotationPath(string stateDirectory) => Path.Combine(stateDirectory, FileName);

    /// <summary>The keys in force and where they come from ("rotation 3", "probe.json releaseKeys", "built in"); throws InvalidDataException when the kept rotation or the built-in list cannot be read.</summary>
    public static ReleaseKeyRing Load(ProbeConfig config, out string source)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rotation = RotationPath(config.StateDirectory);
        if (File.Exists(rotation))
        {
            var ring = FromEnvelope(File.ReadAllBytes(rotation), rotation);
            source = $"rotation {ring.Version} ({rotation})";
            return ring;
        }

        if (config.ReleaseKeys is { } configured)
        {
            source = $"{config.SourcePath ?? ConfigLoader.FileName} releaseKeys";
            return ReleaseKeyRing.TryCreate(configured, "releaseKeys", out var ring, out var problem) ? ring : throw new InvalidDataException(problem);
        }

        source = "built in";
        return BuiltIn();
    }

    /// <summary>The keys built into this build (none in a build made from the public sources).</summary>
    public static ReleaseKeyRing BuiltIn()
    {
        using var stream = typeof(ReleaseTrust).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The probe was built without its {ResourceName} resource.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromDocument(buffer.ToArray(), ResourceName);
    }

    /// <summary>
    /// Verifies a key rotation against the keys in force and, when it is accepted, keeps it in the state folder, where
    /// it replaces every other source from then on.
    /// </summary>
    public static TrustedKeysCheck AcceptRotation(string stateDirectory, ReleaseKeyRing current, byte[] envelope)
    {
        ArgumentNullException.ThrowIfNull(current);
        var check = ReleaseVerifier.VerifyKeyRotation(envelope, current.Keys, current.Version);
        if (check.Accepted)
        {
            Directory.CreateDirectory(stateDirectory);
            AtomicFile.Write(RotationPath(stateDirectory), envelope);
        }

        return check;
    }

    private static ReleaseKeyRing FromEnvelope(byte[] envelope, string where)
    {
        if (!SignedEnvelope.TryParse(envelope, out var parsed, out var problem))
        {
            throw new InvalidDataException($"{where}: {problem}");
        }

        return FromDocument(parsed.Signed.ToArray(), where);
    }

    private static ReleaseKeyRing FromDocument(byte[] json, string where)
    {
        TrustedKeysDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.TrustedKeysDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }

        if (document is null || document.Type != TrustedKeysDocument.DocumentType)
        {
            throw new InvalidDataException($"{where}: not a key list of type {TrustedKeysDocument.DocumentType}.");
        }

        return ReleaseKeyRing.TryCreate(document, out var ring, out var problem) ? ring : throw new InvalidDataException($"{where}: {problem}");
    }
}
