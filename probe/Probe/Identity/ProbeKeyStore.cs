using System.Formats.Asn1;
using System.Security.Cryptography;
using MonitoramentoBKP.Probe.Localization;
using Microsoft.Win32.SafeHandles;

namespace MonitoramentoBKP.Probe.Identity;

/// <summary>
/// The branch's ECDSA P-256 private key at rest, made by <c>bkp-probe enroll</c> and read by every run that signs.
/// Windows keeps it sealed with DPAPI for the task's account; Linux and macOS keep a PKCS#8 PEM file of mode 0600
/// and, as ssh does, refuse one that group or others can open. A new key replaces the old one in a single rename, so
/// the file is never half-written. Key material is never put in a message.
/// </summary>
public sealed class ProbeKeyStore
{
    /// <summary>The key file's name in the probe's state folder.</summary>
    public const string FileName = "probe.key";

    // A key file is a few hundred bytes; anything this large is not one, and is not read whole.
    private const int MaxFileBytes = 64 * 1024;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const string EcPublicKey = "1.2.840.10045.2.1";
    private const string P256Curve = "1.2.840.10045.3.1.7";
    private const string P256 = "P-256";

    private readonly Messages _messages;
    private readonly IKeyProtector _protector;

    /// <summary>The store for this operating system, its errors worded in <paramref name="messages"/>' language.</summary>
    public ProbeKeyStore(Messages messages)
        : this(messages, OperatingSystem.IsWindows() ? new DpapiKeyProtector() : new PemKeyProtector())
    {
    }

    internal ProbeKeyStore(Messages messages, IKeyProtector protector)
    {
        _messages = messages;
        _protector = protector;
    }

    /// <summary>Where the key lives by default: <c>probe.key</c> in the state folder.</summary>
    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, FileName);

    /// <summary>
    /// Generates a new P-256 key and writes it to <paramref name="path"/> (replacing any key there: re-enrollment),
    /// creating the folder if needed. Throws <see cref="ProbeKeyException"/> when it cannot be written.
    /// </summary>
    public ECDsa Create(string path)
    {
        var full = Path.GetFullPath(path);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var pkcs8 = key.ExportPkcs8PrivateKey();
            byte[] stored;
            try
            {
                stored = _protector.Protect(pkcs8);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }

            try
            {
                WriteAtomically(full, stored);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(stored);
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The key at <paramref name="path"/>; throws <see cref="ProbeKeyException"/> saying what is wrong with the file and how to fix it.</summary>
    public ECDsa Load(string path)
    {
        var full = Path.GetFullPath(path);
        var stored = Read(full);
        byte[] pkcs8;
        try
        {
            pkcs8 = _protector.Unprotect(stored);
        }
        catch (CryptographicException e)
        {
            throw Refuse(_protector.RefusedAs, full, inner: e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(stored);
        }

        try
        {
            var kind = KindOf(pkcs8) ?? throw Refuse(ProbeKeyProblem.Corrupt, full);
            if (kind != P256)
            {
                throw Refuse(ProbeKeyProblem.NotP256, full, kind);
            }

            var key = ECDsa.Create();
            try
            {
                key.ImportPkcs8PrivateKey(pkcs8, out var read);
                if (read != pkcs8.Length)
                {
                    throw Refuse(ProbeKeyProblem.Corrupt, full);
                }

                return key;
            }
            catch (CryptographicException e)
            {
                key.Dispose();
                throw Refuse(ProbeKeyProblem.Corrupt, full, inner: e);
            }
            catch
            {
                key.Dispose();
                throw;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private byte[] Read(string path)
    {
        SafeFileHandle handle;
        try
        {
            // FileShare.Delete: on Windows a re-enrollment may rename its new key over this one while it is read.
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Refuse(ProbeKeyProblem.Missing, path, inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refuse(ProbeKeyProblem.Unreadable, path, e.Message, e);
        }

        using (handle)
        {
            try
            {
                // The mode of the file just opened, not of whatever the name points to a moment later.
                if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(handle) is var mode && (mode & GroupOrOthers) != 0)
                {
                    throw Refuse(ProbeKeyProblem.TooOpen, path, Octal(mode));
                }

                var length = RandomAccess.GetLength(handle);
                if (length > MaxFileBytes)
                {
                    throw Refuse(ProbeKeyProblem.Corrupt, path);
                }

                var bytes = new byte[length];
                var filled = 0;
                while (filled < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(filled), filled) is var read and > 0)
                {
                    filled += read;
                }

                return filled == bytes.Length ? bytes : bytes[..filled];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Refuse(ProbeKeyProblem.Unreadable, path, e.Message, e);
            }
        }
    }

    /// <summary>A temporary file beside the key, private from its creation, filled, flushed to disk and renamed over the key.</summary>
    private void WriteAtomically(string path, byte[] content)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var file = new FileStream(temporary, options))
            {
                // The umask can only take bits away; this makes the mode exactly 0600 whatever it is.
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file.SafeFileHandle, OwnerOnly);
                }

                file.Write(content);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw Refuse(ProbeKeyProblem.CannotWrite, path, e.Message, e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the refusal that follows names the folder.
        }
    }

    /// <summary>
    /// What kind of key a PrivateKeyInfo (RFC 5208) holds: "P-256", or a name for any other (the curve of an EC key,
    /// RFC 5480, or the algorithm); null when the bytes are not a PrivateKeyInfo. Read from the structure itself, so an
    /// RSA or P-384 key is named rather than called damaged.
    /// </summary>
    private static string? KindOf(byte[] pkcs8)
    {
        try
        {
            var info = new AsnReader(pkcs8, AsnEncodingRules.DER).ReadSequence();
            info.ReadInteger();
            var identifier = info.ReadSequence();
            var algorithm = identifier.ReadObjectIdentifier();
            if (algorithm != EcPublicKey)
            {
                return algorithm == "1.2.840.113549.1.1.1" ? "RSA" : algorithm == "1.3.101.112" ? "Ed25519" : algorithm;
            }

            var curve = identifier.HasData && identifier.PeekTag() == Asn1Tag.ObjectIdentifier ? identifier.ReadObjectIdentifier() : null;
            return curve switch
            {
                P256Curve => P256,
                "1.3.132.0.34" => "ECDSA P-384",
                "1.3.132.0.35" => "ECDSA P-521",
                null => "ECDSA, curve not named",
                _ => "ECDSA " + curve,
            };
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private ProbeKeyException Refuse(ProbeKeyProblem problem, string path, string? detail = null, Exception? inner = null) =>
        new(problem, path, _messages.Key(problem, path, detail), inner);
}
