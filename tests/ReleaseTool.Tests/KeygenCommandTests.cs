using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

public sealed class KeygenCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Keygen_writes_an_owner_only_PKCS8_P256_key_and_prints_its_KeyId_and_base64_SPKI()
    {
        var path = _temp["release.pem"];

        var result = ReleaseToolProcess.Run(_temp.Path, "keygen", "--out", path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var pem = File.ReadAllText(path);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, key.ExportParameters(true).Curve.Oid.Value);
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, line => line == $"KeyId:      {KeyId.Of(key)}");
        var publicKey = lines.Single(line => line.StartsWith("Public key: ", StringComparison.Ordinal))["Public key: ".Length..];
        Assert.True(PublicKeyInfo.TryImport(publicKey, out var imported, out var reason), reason);
        using (imported)
        {
            Assert.Equal(KeyId.Of(key), KeyId.Of(imported));
        }
    }

    [Fact]
    public void Keygen_never_overwrites_an_existing_file()
    {
        var path = _temp["release.pem"];
        File.WriteAllText(path, "the key probes trust");

        var result = ReleaseToolProcess.Run(_temp.Path, "keygen", "--out", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never overwritten", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("the key probes trust", File.ReadAllText(path));
    }

    [Fact]
    public void Keygen_without_out_is_a_usage_error()
    {
        var result = ReleaseToolProcess.Run(_temp.Path, "keygen");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out is required", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
