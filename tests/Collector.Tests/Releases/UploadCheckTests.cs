using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Tests.Releases;

public sealed class UploadCheckTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private static ReleaseDocument Document() => TestReleases.Document("stable", "1.4.0", Now.AddHours(-1));

    private static string Problem(ReleaseDocument document, string channel = "stable", string version = "1.4.0") =>
        UploadCheck.Check(TestReleases.Envelope(document), channel, version, Now).Problem;

    [Fact]
    public void A_release_as_the_release_tool_makes_it_passes()
    {
        var (document, problem) = UploadCheck.Check(TestReleases.Envelope(Document()), "stable", "1.4.0", Now);

        Assert.Equal("", problem);
        Assert.Equal(2, document!.Files.Count);
    }

    [Fact]
    public void What_no_probe_would_take_is_refused_saying_where()
    {
        var d = Document();
        Assert.StartsWith("/signed/channel is 'stable'", Problem(d, channel: "pilot"), StringComparison.Ordinal);
        Assert.StartsWith("/signed/version is '1.4.0'", Problem(d, version: "1.5.0"), StringComparison.Ordinal);
        Assert.StartsWith("/signed/type", Problem(d with { Type = TrustedKeysDocument.DocumentType }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/expiresUtc", Problem(d with { ExpiresUtc = Now.AddMinutes(-1) }), StringComparison.Ordinal);
        Assert.Matches("^/signed/expiresUtc .* is not after /signed/publishedUtc", Problem(d with { ExpiresUtc = d.PublishedUtc }));
        Assert.StartsWith("/signed/files lists 0 files", Problem(d with { Files = [] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/0/name", Problem(d with { Files = [d.Files[0] with { Name = "../../stable/1.3.0/bkp-probe" }] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/0/name", Problem(d with { Files = [d.Files[0] with { Name = "release.json" }] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/1/name", Problem(d with { Files = [d.Files[0], d.Files[1] with { Name = d.Files[0].Name }] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/1/runtime", Problem(d with { Files = [d.Files[0], d.Files[1] with { Runtime = d.Files[0].Runtime }] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/0/runtime", Problem(d with { Files = [d.Files[0] with { Runtime = "" }] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/0/length", Problem(d with { Files = [d.Files[0] with { Length = 0 }] }), StringComparison.Ordinal);
        Assert.StartsWith("/signed/files/0/sha256", Problem(d with { Files = [d.Files[0] with { Sha256 = d.Files[0].Sha256.ToUpperInvariant() }] }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_that_is_not_one_or_has_no_signature_or_a_signed_part_with_unknown_members_is_refused()
    {
        var signed = JsonSerializer.SerializeToUtf8Bytes(Document(), ContractsJsonContext.Default.ReleaseDocument);
        var extra = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("\"type\":", "\"mirror\":\"x\",\"type\":", StringComparison.Ordinal));

        Assert.NotEqual("", UploadCheck.Check("not json"u8.ToArray(), "stable", "1.4.0", Now).Problem);
        Assert.StartsWith("/signatures is empty", UploadCheck.Check(SignedEnvelope.Write(signed, []), "stable", "1.4.0", Now).Problem, StringComparison.Ordinal);
        Assert.StartsWith("/signed is not a release document", UploadCheck.Check(TestReleases.Envelope(extra), "stable", "1.4.0", Now).Problem, StringComparison.Ordinal);
        Assert.Contains("at most", UploadCheck.Check(new byte[SignedEnvelope.MaxLength + 1], "stable", "1.4.0", Now).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stable", true)]
    [InlineData("pilot-2", true)]
    [InlineData("", false)]
    [InlineData("..", false)]
    [InlineData("stable/1.4.0", false)]
    [InlineData("a\\b", false)]
    [InlineData("-stable", false)]
    [InlineData("stable\n", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012", false)]
    public void Channel_names_are_plain_names(string channel, bool valid) => Assert.Equal(valid, ReleaseNames.IsChannel(channel));

    [Theory]
    [InlineData("bkp-probe.exe", true)]
    [InlineData("bkp-probe-linux-x64", true)]
    [InlineData("..", false)]
    [InlineData("a..b", false)]
    [InlineData(".hidden", false)]
    [InlineData("x/y", false)]
    [InlineData("x\\y", false)]
    [InlineData("C:x", false)]
    public void File_names_are_plain_names_that_cannot_climb_out_of_their_folder(string name, bool valid) => Assert.Equal(valid, ReleaseNames.IsFileName(name));
}
