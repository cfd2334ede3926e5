using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>
/// An offline release signing key on disk: a P-256 private key as PKCS#8 PEM ("PRIVATE KEY", readable by openssl),
/// created with mode 0600 and never over an existing file, so a second <c>keygen</c> cannot destroy a key that
/// probes trust.
/// </summary>
public static class SigningKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>A new key written to <paramref name="path"/>; the caller owns (and disposes) it.</summary>
    public static ECDsa Create(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var file = new FileStream(path, options))
            {
                file.Write(pem);
                file.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, OwnerOnly);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            key.Dispose();
            throw ReleaseToolException.BadInput($"--out {path}: the file exists; a signing key is never overwritten (choose another name, or move the old key away first).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            key.Dispose();
            throw ReleaseToolException.BadInput($"--out {path}: cannot create the key file: {e.Message}");
        }
        finally
        {
            Array.Clear(pem);
        }

        return key;
    }

    /// <summary>
    /// The P-256 private key in <paramref name="path"/> (PKCS#8 or SEC 1 PEM); a key file that others can read is
    /// used, with a warning to <paramref name="warnings"/>.
    /// </summary>
    public static ECDsa Read(string path, string option, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ReleaseToolException.BadInput($"{option} {path}: cannot read the key file: {e.Message}");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(text);
            _ = key.ExportParameters(includePrivateParameters: true);
            _ = KeyId.Of(key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw ReleaseToolException.BadInput($"{option} {path}: not a P-256 private key in PEM form (as 'bkp-release keygen' writes): {e.Message}");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            warnings.WriteLine($"bkp-release: warning: {option} {path} can be read by others than its owner; chmod 600 it.");
        }

        return key;
    }
}
