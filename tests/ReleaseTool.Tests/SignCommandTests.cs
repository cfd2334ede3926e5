using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Signing;
using MonitoramentoBKP.ReleaseTool.Tests.Support;

namespace MonitoramentoBKP.ReleaseTool.Tests;

public sealed class SignCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ECDsa _key;
    private readonly string _keyFile;
    private readonly string _linux;
    private readonly string _windows;

    public SignCommandTests()
    {
        _keyFile = _temp["keys/current.pem"];
        Directory.CreateDirectory(Path.GetDirectoryName(_keyFile)!);
        _key = SigningKeyFile.Create(_keyFile);
        _linux = _temp.RandomFile("publish/linux-x64/bkp-probe", 70_001);
        _windows = _temp.RandomFile("publish/win-x64/bkp-probe.exe", 50_003);
    }

    [Fact]
    public void Sign_writes_a_release_folder_whose_envelope_parses_verifies_and_describes_the_copied_files()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var result = ReleaseToolProcess.Run(_temp.Path, "sign", "--version", "1.4.0", "--channel", "stable",
            "--file", $"linux-x64={_linux}", "--file", $"win-x64={_windows}", "--key-file", _keyFile, "--out", _temp["out"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["bkp-probe", "bkp-probe.exe", "release.json"], Directory.GetFiles(_temp["out"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var bytes = File.ReadAllBytes(_temp["out/release.json"]);
        Assert.DoesNotContain("\\u", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var envelope = Envelopes.Parse(bytes);
        Envelopes.AssertSignedBy(envelope, _key);
        var document = Envelopes.Release(envelope);
        Assert.Equal(ReleaseDocument.DocumentType, document.Type);
        Assert.Equal("1.4.0", document.Version);
        Assert.Equal("stable", document.Channel);
        Assert.InRange(document.PublishedUtc, before, DateTime.UtcNow);
        Assert.Equal(TimeSpan.FromDays(30), document.ExpiresUtc - document.PublishedUtc);
        Assert.Collection(document.Files,
            linux => Assert.Equal(new ReleaseFile { Runtime = "linux-x64", Name = "bkp-probe", Length = 70_001, Sha256 = Envelopes.Sha256(_linux) }, linux),
            windows => Assert.Equal(new ReleaseFile { Runtime = "win-x64", Name = "bkp-probe.exe", Length = 50_003, Sha256 = Envelopes.Sha256(_windows) }, windows));
        Assert.Equal(File.ReadAllBytes(_linux), File.ReadAllBytes(_temp["out/bkp-probe"]));
        Assert.Equal(File.ReadAllBytes(_windows), File.ReadAllBytes(_temp["out/bkp-probe.exe"]));
        Assert.Contains(KeyId.Of(_key), result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_with_two_key_files_and_an_expiry_gives_one_valid_signature_per_key()
    {
        var second = _temp["keys/next.pem"];
        using var secondKey = SigningKeyFile.Create(second);

        var result = ReleaseToolProcess.Run(_temp.Path, "sign", "--version", "2.0", "--channel", "pilot", "--expires-days", "7",
            "--file", $"linux-x64={_linux}", "--key-file", _keyFile, "--key-file", second, "--out", _temp["out"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var envelope = Envelopes.Parse(File.ReadAllBytes(_temp["out/release.json"]));
        Envelopes.AssertSignedBy(envelope, _key, secondKey);
        var document = Envelopes.Release(envelope);
        Assert.Equal(TimeSpan.FromDays(7), document.ExpiresUtc - document.PublishedUtc);
        Assert.Equal("pilot", document.Channel);
    }

    public static TheoryData<string, string[]> BadInput => new()
    {
        { "a release version", ["--version", "1.04.0"] },
        { "a release version", ["--version", "latest"] },
        { "a channel is a simple id", ["--channel", "../stable"] },
        { "not a runtime bkp-probe is published for", ["--file", "osx-arm64={linux}"] },
        { "expected RUNTIME=PATH", ["--file", "{linux}"] },
        { "there is no file", ["--file", "linux-x64={missing}"] },
        { "is empty", ["--file", "linux-x64={empty}"] },
        { "one executable per runtime", ["--file", "linux-x64={linux}", "--file", "linux-x64={windows}"] },
        { "a file named 'bkp-probe'", ["--file", "linux-x64={linux}", "--file", "linux-arm64={linux}"] },
        { "cannot name a release file", ["--file", "linux-x64={release.json}"] },
        { "a whole number of days from 1 to 366", ["--expires-days", "0"] },
        { "a whole number of days from 1 to 366", ["--expires-days", "400"] },
        { "No signing key", ["--no-key"] },
        { "not a P-256 private key", ["--key-file", "{p384}"] },
        { "not a P-256 private key", ["--key-file", "{public}"] },
        { "cannot read the key file", ["--key-file", "{missing}"] },
        { "the same key", ["--key-file", "{key}", "--key-file", "{key}"] },
        { "expected https://<vault>.vault.azure.net/keys/<name>", ["--key-vault-key", "http://vault.example/keys/k"] },
        { "--credential", ["--key-vault-key", "https://bkp-vault.vault.azure.net/keys/release", "--credential", "password"] },
        { "is not empty", ["--out", "{nonempty}"] },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Sign_refuses_bad_input_with_exit_code_2_and_writes_nothing(string expected, string[] change)
    {
        using (var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384))
        {
            File.WriteAllText(_temp["p384.pem"], p384.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(_temp["public.pem"], _key.ExportSubjectPublicKeyInfoPem());
        File.WriteAllBytes(_temp["empty"], []);
        File.WriteAllBytes(_temp["release.json"], [1, 2, 3]);
        _temp.RandomFile("nonempty/left-over", 10);
        var arguments = new Dictionary<string, string[]>
        {
            ["--version"] = ["1.4.0"],
            ["--channel"] = ["stable"],
            ["--file"] = [$"linux-x64={_linux}"],
            ["--key-file"] = [_keyFile],
            ["--out"] = [_temp["out"]],
        };
        var placeholders = new Dictionary<string, string>
        {
            ["{linux}"] = _linux, ["{windows}"] = _windows, ["{missing}"] = _temp["missing"], ["{empty}"] = _temp["empty"],
            ["{release.json}"] = _temp["release.json"], ["{p384}"] = _temp["p384.pem"], ["{public}"] = _temp["public.pem"],
            ["{key}"] = _keyFile, ["{nonempty}"] = _temp["nonempty"],
        };
        var replaced = new HashSet<string>();
        for (var i = 0; i < change.Length; i++)
        {
            if (change[i] == "--no-key")
            {
                arguments.Remove("--key-file");
                continue;
            }

            // The first value given for an option replaces the valid default; more values add to it.
            var option = change[i];
            var value = placeholders.Aggregate(change[++i], (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));
            arguments[option] = replaced.Add(option) ? [value] : [.. arguments[option], value];
        }

        var result = ReleaseToolProcess.Run(_temp.Path, ["sign", .. arguments.SelectMany(a => a.Value.SelectMany(v => new[] { a.Key, v }))]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]), "a refused release left a folder");
        Assert.Equal(["left-over"], Directory.GetFiles(_temp["nonempty"]).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }
}
