using System.Web;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage.Tests.Support;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>Releases in Blob Storage and rollouts in Table Storage on a real Azurite, and the user-delegation links built for redirects.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseStorageTests(Azurite azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static UserDelegationKey Key(DateTimeOffset expires) =>
        BlobsModelFactory.UserDelegationKey("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222", Now.AddMinutes(-5), expires, "b", "2025-01-05", Convert.ToBase64String(new byte[32]));

    [Fact]
    public async Task The_store_reads_an_uploaded_release_where_the_release_tool_puts_it()
    {
        var container = await Fresh.ContainerAsync(azurite);
        await container.UploadBlobAsync("stable/1.4.0/release.json", BinaryData.FromString("{\"signed\":{},\"signatures\":[]}"));
        await container.UploadBlobAsync("stable/1.4.0/bkp-probe", BinaryData.FromBytes(new byte[5000]));
        var store = new BlobReleaseStore(container, null, new FakeTimeProvider(Now));

        Assert.Equal("{\"signed\":{},\"signatures\":[]}", System.Text.Encoding.UTF8.GetString((await store.ReadDocumentAsync("stable", "1.4.0", 1000, default))!));
        Assert.Equal(5000, await store.LengthOfAsync("stable", "1.4.0", "bkp-probe", default));
        var (content, length) = (await store.OpenFileAsync("stable", "1.4.0", "bkp-probe", default))!.Value;
        await using (content)
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal((5000, 5000L), ((int)copy.Length, length));
        }

        Assert.Null(await store.ReadDocumentAsync("stable", "1.5.0", 1000, default));
        Assert.Null(await store.LengthOfAsync("stable", "1.4.0", "other", default));
        Assert.Null(await store.OpenFileAsync("pilot", "1.4.0", "bkp-probe", default));
        Assert.Null(await store.LinkAsync("stable", "1.4.0", "bkp-probe", TimeSpan.FromMinutes(10), default));
    }

    [Fact]
    public async Task An_oversized_document_is_read_only_one_byte_past_the_cap()
    {
        var container = await Fresh.ContainerAsync(azurite);
        await container.UploadBlobAsync("stable/1.4.0/release.json", BinaryData.FromBytes(new byte[SignedEnvelope.MaxLength * 4]));
        var store = new BlobReleaseStore(container, null, new FakeTimeProvider(Now));

        Assert.Equal(SignedEnvelope.MaxLength + 1, (await store.ReadDocumentAsync("stable", "1.4.0", SignedEnvelope.MaxLength, default))!.Length);
    }

    [Fact]
    public async Task A_link_is_a_read_only_user_delegation_SAS_of_that_one_blob_for_minutes_and_the_key_is_reused()
    {
        var container = await Fresh.ContainerAsync(azurite);
        var asked = new List<(DateTimeOffset Starts, DateTimeOffset Expires)>();
        var time = new FakeTimeProvider(Now);
        var store = new BlobReleaseStore(container, (starts, expires, _) =>
        {
            asked.Add((starts, expires));
            return Task.FromResult(Key(expires));
        }, time);

        var link = (await store.LinkAsync("stable", "1.4.0", "bkp-probe", TimeSpan.FromMinutes(10), default))!;
        await store.LinkAsync("stable", "1.4.0", "bkp-probe.exe", TimeSpan.FromMinutes(10), default);

        Assert.Equal([(Now - BlobReleaseStore.ClockAllowance, Now + BlobReleaseStore.KeyLifetime)], asked);
        Assert.Equal(container.Uri.AbsolutePath + "/stable/1.4.0/bkp-probe", link.AbsolutePath);
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal(Now.AddMinutes(10), DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Now - BlobReleaseStore.ClockAllowance, DateTimeOffset.Parse(query["st"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("11111111-1111-1111-1111-111111111111", query["skoid"]);
        Assert.Equal("22222222-2222-2222-2222-222222222222", query["sktid"]);
        Assert.False(string.IsNullOrEmpty(query["sig"]));
        Assert.Null(query["sk"]);

        // Past the key's margin a new key is asked for.
        time.Advance(BlobReleaseStore.KeyLifetime - BlobReleaseStore.KeyMargin + TimeSpan.FromMinutes(1));
        await store.LinkAsync("stable", "1.4.0", "bkp-probe", TimeSpan.FromMinutes(10), default);
        Assert.Equal(2, asked.Count);
    }

    [Fact]
    public async Task A_link_never_outlives_its_delegation_key_and_is_https_only_on_an_https_account()
    {
        var blob = new Azure.Storage.Blobs.BlobClient(new Uri("https://account.blob.core.windows.net/releases/stable/1.4.0/bkp-probe"));

        var link = BlobReleaseStore.Link(blob, Key(Now.AddMinutes(3)), Now, TimeSpan.FromMinutes(10));

        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("https://account.blob.core.windows.net/releases/stable/1.4.0/bkp-probe", link.GetLeftPart(UriPartial.Path));
        Assert.Equal(Now.AddMinutes(3), DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("https", query["spr"]);
    }

    [Fact]
    public async Task A_rollout_is_kept_whole_and_found_by_channel_by_version_and_in_all()
    {
        var store = new TableRolloutStore(await Fresh.TableAsync(azurite));
        var rollout = new Rollout
        {
            Channel = "stable",
            Version = "1.4.0",
            Percent = 20,
            Pilots = ["F001", "F002"],
            PublishedUtc = Now.UtcDateTime,
            ChangedUtc = Now.UtcDateTime.AddHours(1),
            ExpiresUtc = Now.UtcDateTime.AddDays(30),
            EnvelopeSha256 = new string('e', 64),
            Files = [new ReleaseFile { Runtime = "linux-x64", Name = "bkp-probe", Length = 5000, Sha256 = new string('a', 64) }],
        };
        await store.PutAsync(rollout, default);
        await store.PutAsync(rollout with { Channel = "pilot", Percent = 100, Pilots = [] }, default);
        await store.PutAsync(rollout with { Version = "1.5.0" }, default);
        await store.PutAsync(rollout with { Percent = 50, Pulled = true }, default);

        var found = (await store.FindAsync("stable", "1.4.0", default))!;

        Assert.Equal(rollout with { Percent = 50, Pulled = true, Pilots = found.Pilots, Files = found.Files }, found);
        Assert.Equal(rollout.Pilots, found.Pilots);
        Assert.Equal(rollout.Files, found.Files);
        Assert.Equal(["1.4.0", "1.5.0"], (await store.OfChannelAsync("stable", default)).Select(r => r.Version).Order());
        Assert.Equal(["pilot", "stable"], (await store.WithVersionAsync("1.4.0", default)).Select(r => r.Channel).Order());
        Assert.Equal(3, (await store.AllAsync(default)).Count);
        Assert.Null(await store.FindAsync("stable", "2.0.0", default));
    }

    [Fact]
    public async Task The_probes_update_event_and_its_uninstall_are_kept_in_the_branch_row()
    {
        var store = new TableBranchStateStore(await Fresh.TableAsync(azurite), new FakeTimeProvider(Now));
        var update = new UpdateReport { Outcome = UpdateOutcome.RolledBack, Version = "1.5.0", PreviousVersion = "1.4.0", AtUtc = Now.UtcDateTime.AddHours(-1), Detail = "exit code 3" };
        var contact = new BranchContact { LastContactUtc = Now.UtcDateTime, ProbeVersion = "1.4.0", Update = update, UninstalledUtc = Now.UtcDateTime };

        Assert.True(await store.TryCommitAsync("F001", BranchSnapshot.Empty, new BranchUpdate { Contact = contact }, null, default));
        var read = await store.ReadAsync("F001", default);
        Assert.Equal(contact, read.Contact);

        Assert.True(await store.TryCommitAsync("F001", read, new BranchUpdate { Contact = contact with { Update = null, UninstalledUtc = null } }, null, default));
        Assert.Equal(contact with { Update = null, UninstalledUtc = null }, (await store.ReadAsync("F001", default)).Contact);
    }
}
