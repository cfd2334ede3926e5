using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Signing;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

public sealed class RotateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ECDsa _current;
    private readonly ECDsa _next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _spare = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public RotateCommandTests() => _current = SigningKeyFile.Create(_temp["current.pem"]);

    [Fact]
    public void Rotate_writes_a_trusted_keys_envelope_naming_the_new_keys_signed_by_the_current_key()
    {
        var result = ReleaseToolProcess.Run(_temp.Path, "rotate", "--version", "2",
            "--key", PublicKeyInfo.Export(_next), "--key", PublicKeyInfo.Export(_spare), "--signer-key-file", _temp["current.pem"], "--out", _temp["keys-2.json"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var envelope = Envelopes.Parse(File.ReadAllBytes(_temp["keys-2.json"]));
        Envelopes.AssertSignedBy(envelope, _current);
        var document = Envelopes.Keys(envelope);
        Assert.Equal(TrustedKeysDocument.DocumentType, document.Type);
        Assert.Equal(2, document.Version);
        Assert.Equal([KeyId.Of(_next), KeyId.Of(_spare)], document.Keys.Select(k => k.KeyId));
        Assert.Equal([PublicKeyInfo.Export(_next), PublicKeyInfo.Export(_spare)], document.Keys.Select(k => k.PublicKey));
        Assert.InRange(document.PublishedUtc, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Rotate_to_a_single_key_works_and_warns()
    {
        var result = ReleaseToolProcess.Run(_temp.Path, "rotate", "--version", "5",
            "--key", PublicKeyInfo.Export(_next), "--signer-key-file", _temp["current.pem"], "--out", _temp["keys-5.json"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("only one key", result.Stderr, StringComparison.Ordinal);
        Assert.Single(Envelopes.Keys(Envelopes.Parse(File.ReadAllBytes(_temp["keys-5.json"]))).Keys);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "version 1 is the set of keys built into the probe", "--version", "1" },
        { "a whole number, 2 or higher", "--version", "two" },
        { "not valid base64", "--key", "not a key!" },
        { "only P-256 keys are accepted", "--key", "{p384}" },
        { "is given twice", "--key", "{next}" },
        { "the file exists", "--out", "{existing}" },
        { "not a P-256 private key", "--signer-key-file", "{existing}" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Rotate_refuses_bad_input_with_exit_code_2(string expected, string option, string value)
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        File.WriteAllText(_temp["existing.json"], "{}");
        value = value.Replace("{p384}", Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), StringComparison.Ordinal)
            .Replace("{next}", PublicKeyInfo.Export(_next), StringComparison.Ordinal)
            .Replace("{existing}", _temp["existing.json"], StringComparison.Ordinal);
        var arguments = new List<string> { "rotate" };
        foreach (var (name, valid) in new[] { ("--version", "2"), ("--key", PublicKeyInfo.Export(_next)), ("--signer-key-file", _temp["current.pem"]), ("--out", _temp["keys.json"]) })
        {
            // A repeatable --key gets the bad value beside the valid one; any other option has it instead.
            if (name != option || name == "--key")
            {
                arguments.AddRange([name, valid]);
            }

            if (name == option)
            {
                arguments.AddRange([name, value]);
            }
        }

        var result = ReleaseToolProcess.Run(_temp.Path, [.. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["keys.json"]));
        Assert.Equal("{}", File.ReadAllText(_temp["existing.json"]));
    }

    public void Dispose()
    {
        _current.Dispose();
        _next.Dispose();
        _spare.Dispose();
        _temp.Dispose();
    }
}
