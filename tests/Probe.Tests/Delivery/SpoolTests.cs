using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Delivery;

public sealed class SpoolTests : IDisposable
{
    private static readonly DateTime Night = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private readonly TempTree _tree = new();
    private readonly FullDisk _disk = new();

    public void Dispose() => _tree.Dispose();

    private string State => _tree.PathOf("state");
    private string Folder => Spool.FolderOf(State);

    private Spool NewSpool(int maxEntries = 200, long maxBytes = 500_000_000) => new(State, new SpoolLimits { MaxEntries = maxEntries, MaxBytes = maxBytes }, _disk);

    /// <summary>A manifest of the run that finished <paramref name="day"/> nights after <see cref="Night"/>; each file adds some 40 incompressible bytes.</summary>
    internal static Manifest Run(int day, int files = 1, string branch = "F001")
    {
        var finished = Night.AddDays(day);
        var random = new Random(day);
        return new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            RunId = Guid.CreateVersion7(),
            BranchId = branch,
            ProbeVersion = "0.0.0-test",
            HostName = "LOJA-SRV",
            Os = "Linux",
            StartedUtc = finished.AddMinutes(-2),
            FinishedUtc = finished,
            Cache = new CacheReport { Status = CacheStatus.Loaded },
            Sets =
            [
                new BackupSetReport
                {
                    Id = "sql",
                    RootPath = "/srv/backup",
                    Exists = true,
                    Readable = true,
                    FileCount = files,
                    TotalBytes = files,
                    Files = [.. Enumerable.Range(0, files).Select(i => new FileReport
                    {
                        Path = $"Vendas_{i}.bak",
                        Size = 1,
                        LastWriteUtc = finished.AddMinutes(-10),
                        Sha256 = Convert.ToHexStringLower(RandomBytes(random)),
                        HashedThisRun = true,
                        Archive = ArchiveReport.NotAnArchive,
                    })],
                },
            ],
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return bytes;
    }

    internal static Manifest Read(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        return JsonSerializer.Deserialize(gzip, ContractsJson.Context.Manifest)!;
    }

    private static string Json(Manifest manifest) => JsonSerializer.Serialize(manifest, ContractsJson.Context.Manifest);

    private static IReadOnlyList<SpoolEntry> Open(Spool spool)
    {
        spool.Tidy();
        return spool.Waiting();
    }

    private string[] FilesInFolder() => [.. Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void A_manifest_is_spooled_whole_under_its_finishing_time_run_and_branch_with_nothing_temporary_left()
    {
        var manifest = Run(0, branch: "F042");

        var added = NewSpool().Add(manifest);

        Assert.Equal($"20261201T030000000Z_{manifest.RunId:N}_F042.json.gz", added.Entry.Name);
        Assert.Equal(manifest.RunId, added.Entry.RunId);
        Assert.Equal("F042", added.Entry.BranchId);
        Assert.Equal(Night, added.Entry.FinishedUtc);
        Assert.Equal(new FileInfo(added.Entry.Path).Length, added.Entry.Length);
        Assert.Null(added.DroppedNow);
        Assert.Equal(Json(manifest), Json(Read(added.Entry.Path)));
        Assert.Equal([added.Entry.Name], FilesInFolder());
    }

    [Fact]
    public void Entries_are_listed_oldest_first_whatever_order_they_were_written_in()
    {
        var spool = NewSpool();
        spool.Add(Run(2));
        spool.Add(Run(0));
        spool.Add(Run(1));

        var waiting = Open(NewSpool());

        Assert.Equal([Night, Night.AddDays(1), Night.AddDays(2)], waiting.Select(e => e.FinishedUtc));
    }

    [Fact]
    public void A_temporary_file_left_by_a_crash_mid_write_is_deleted_at_the_next_open_and_never_listed()
    {
        var kept = NewSpool().Add(Run(0)).Entry;
        var cut = SpoolEntry.NameOf(Run(1)) + ".tmp";
        _tree.File($"state/spool/{cut}", [0x1f, 0x8b, 0x08]);
        _tree.File("state/spool/dropped.json.tmp", "{\"cou");

        var waiting = Open(NewSpool());

        Assert.Equal([kept], waiting);
        Assert.Equal([kept.Name], FilesInFolder());
    }

    [Fact]
    public void Past_the_entry_cap_the_oldest_are_dropped_and_the_new_manifest_carries_the_drop()
    {
        var spool = NewSpool(maxEntries: 3);
        var first = spool.Add(Run(0)).Entry;
        var second = spool.Add(Run(1)).Entry;
        spool.Add(Run(2));

        var added = spool.Add(Run(3));

        var dropped = new SpoolDropReport { Count = 1, FirstFinishedUtc = Night, LastFinishedUtc = Night };
        Assert.Equal(dropped, added.DroppedNow);
        Assert.False(File.Exists(first.Path));
        Assert.True(File.Exists(second.Path));
        Assert.Equal(3, Open(spool).Count);
        Assert.Equal(dropped, Read(added.Entry.Path).SpoolDropped);
        Assert.Empty(SchemaValidator.Errors(Json(Read(added.Entry.Path))));
        Assert.Equal(dropped, Spool.Status(State).PendingDrop);
    }

    [Fact]
    public void Past_the_byte_cap_the_oldest_are_dropped_until_the_new_entry_fits()
    {
        var probe = NewSpool().Add(Run(9, files: 200)).Entry;
        File.Delete(probe.Path);
        var size = probe.Length;
        var spool = NewSpool(maxBytes: (size * 3) + (size / 2));
        var entries = Enumerable.Range(0, 3).Select(d => spool.Add(Run(d, files: 200)).Entry).ToList();

        var added = spool.Add(Run(3, files: 200));

        Assert.Equal(new SpoolDropReport { Count = 1, FirstFinishedUtc = Night, LastFinishedUtc = Night }, added.DroppedNow);
        Assert.Equal([.. entries.Skip(1).Select(e => e.Name), added.Entry.Name], Open(spool).Select(e => e.Name));
        Assert.True(Spool.Status(State).TotalBytes <= (size * 3) + (size / 2));
        Assert.Equal(1, Read(added.Entry.Path).SpoolDropped!.Count);
    }

    [Fact]
    public void The_new_manifest_is_kept_even_when_it_alone_is_over_the_byte_cap()
    {
        var spool = NewSpool(maxBytes: 100);
        spool.Add(Run(0));
        spool.Add(Run(1));

        var added = spool.Add(Run(2));

        Assert.Equal(added.Entry, Assert.Single(Open(spool)));
        Assert.Equal(new SpoolDropReport { Count = 2, FirstFinishedUtc = Night, LastFinishedUtc = Night.AddDays(1) }, Read(added.Entry.Path).SpoolDropped);
    }

    [Fact]
    public void The_drop_record_is_cleared_only_once_a_manifest_carrying_all_of_it_is_accepted()
    {
        var spool = NewSpool(maxEntries: 2);
        spool.Add(Run(0));
        var unrelated = spool.Add(Run(1)).Entry;
        var carrierOfOne = spool.Add(Run(2)).Entry;
        var carrierOfTwo = spool.Add(Run(3)).Entry;
        Assert.False(File.Exists(unrelated.Path));

        spool.Delivered(carrierOfOne);
        var afterFirst = Spool.Status(State).PendingDrop;
        spool.Delivered(carrierOfTwo);

        // The record grew after the first carrier was written: its acceptance does not clear what came later.
        Assert.Equal(new SpoolDropReport { Count = 2, FirstFinishedUtc = Night, LastFinishedUtc = Night.AddDays(1) }, afterFirst);
        Assert.Null(Spool.Status(State).PendingDrop);
        Assert.Empty(FilesInFolder());
    }

    [Fact]
    public void A_dropped_carrier_passes_its_drops_on_and_adds_itself()
    {
        var spool = NewSpool(maxEntries: 1);
        spool.Add(Run(0));
        spool.Add(Run(1));

        var last = spool.Add(Run(2)).Entry;

        Assert.Equal(new SpoolDropReport { Count = 2, FirstFinishedUtc = Night, LastFinishedUtc = Night.AddDays(1) }, Read(last.Path).SpoolDropped);
        spool.Delivered(last);
        Assert.Null(Spool.Status(State).PendingDrop);
    }

    [Fact]
    public void A_manifest_delivered_that_carries_no_drop_leaves_the_record_for_the_next()
    {
        var spool = NewSpool(maxEntries: 2);
        spool.Add(Run(0));
        var plain = spool.Add(Run(1)).Entry;
        spool.Add(Run(2));

        spool.Delivered(plain);

        Assert.NotNull(Spool.Status(State).PendingDrop);
        Assert.False(File.Exists(plain.Path));
    }

    [Fact]
    public void A_refused_carrier_is_set_aside_and_its_drops_go_with_the_next_manifest()
    {
        var spool = NewSpool(maxEntries: 1);
        spool.Add(Run(0));
        var refused = spool.Add(Run(1)).Entry;

        var aside = spool.SetAside(refused);
        var next = spool.Add(Run(2)).Entry;

        Assert.Equal(Path.Combine(Folder, "refused", refused.Name), aside);
        Assert.True(File.Exists(aside));
        Assert.Equal(1, Read(next.Path).SpoolDropped!.Count);
        Assert.Equal([next], Open(spool));
        spool.Delivered(next);
        Assert.Null(Spool.Status(State).PendingDrop);
    }

    [Fact]
    public void Refused_entries_are_bounded_to_the_newest_twenty()
    {
        var spool = NewSpool();
        var entries = Enumerable.Range(0, Spool.MaxRefused + 3).Select(d => spool.Add(Run(d)).Entry).ToList();

        foreach (var entry in entries)
        {
            spool.SetAside(entry);
        }

        var kept = Directory.GetFiles(Path.Combine(Folder, "refused")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(entries.Skip(3).Select(e => e.Name), kept);
        Assert.Equal(Spool.MaxRefused, Spool.Status(State).RefusedCount);
    }

    [Fact]
    public void A_drop_interrupted_after_it_was_recorded_is_finished_at_the_next_open_not_sent()
    {
        var spool = NewSpool(maxEntries: 2);
        var doomed = spool.Add(Run(0)).Entry;
        spool.Add(Run(1));
        var bytes = File.ReadAllBytes(doomed.Path);
        spool.Add(Run(2));
        // As if killed between writing dropped.json and deleting the entry it names.
        File.WriteAllBytes(doomed.Path, bytes);

        var status = Spool.Status(State);
        var waiting = Open(NewSpool(maxEntries: 2));

        Assert.Equal(2, status.Count);
        Assert.DoesNotContain(doomed, waiting);
        Assert.False(File.Exists(doomed.Path));
        Assert.Equal(1, Spool.Status(State).PendingDrop!.Count);
    }

    [Fact]
    public void A_full_disk_while_writing_the_entry_leaves_no_partial_entry_drops_nothing_and_says_so()
    {
        var spool = NewSpool(maxEntries: 2);
        var old = new[] { spool.Add(Run(0)).Entry, spool.Add(Run(1)).Entry };
        var before = old.Select(e => File.ReadAllBytes(e.Path)).ToList();
        _disk.FreeBytes = 100;

        var error = Assert.Throws<IOException>(() => spool.Add(Run(2, files: 50)));

        Assert.True(SpoolDisk.IsDiskFull(error));
        Assert.Equal(old.Select(e => e.Name), FilesInFolder());
        Assert.Equal(before, old.Select(e => File.ReadAllBytes(e.Path)));
        Assert.Null(Spool.Status(State).PendingDrop);
    }

    [Fact]
    public void A_full_disk_is_told_to_branch_staff_as_such_in_either_language()
    {
        _disk.FreeBytes = 0;
        var error = Assert.Throws<IOException>(() => NewSpool().Add(Run(0)));
        var full = SpoolDisk.IsDiskFull(error);

        var pt = new Messages(Language.PortugueseBrazil).CannotSpool(Folder, error.Message, full);
        var en = new Messages(Language.English).CannotSpool(Folder, error.Message, full);

        Assert.Equal($"manifesto NÃO guardado na fila de envio ({Folder}): o disco está cheio; libere espaço. Os manifestos que já estavam na fila continuam intactos.", pt);
        Assert.Equal($"manifest NOT kept in the outbox ({Folder}): the disk is full; free some space. The manifests already in the outbox are intact.", en);
        Assert.Empty(FilesInFolder());
    }

    [Fact]
    public void A_full_disk_while_writing_the_drop_record_drops_nothing_and_leaves_no_partial_entry()
    {
        var spool = NewSpool(maxEntries: 2);
        var old = new[] { spool.Add(Run(0)).Entry, spool.Add(Run(1)).Entry };
        _disk.Applies = path => Path.GetFileName(path) == "dropped.json.tmp";
        _disk.FreeBytes = 10;

        Assert.Throws<IOException>(() => spool.Add(Run(2)));

        Assert.Equal(old.Select(e => e.Name), FilesInFolder());
        Assert.Null(Spool.Status(State).PendingDrop);
        Assert.Equal(old, Open(NewSpool(maxEntries: 2)));
    }

    [Fact]
    public void The_status_tells_what_waits_since_when_how_big_what_was_refused_and_the_pending_drop()
    {
        Assert.Equal(new SpoolStatus { Count = 0, TotalBytes = 0, RefusedCount = 0 }, Spool.Status(State));
        var spool = NewSpool(maxEntries: 2);
        spool.Add(Run(0));
        var refused = spool.Add(Run(1)).Entry;
        spool.SetAside(refused);
        var waiting = new[] { spool.Add(Run(2)).Entry, spool.Add(Run(3)).Entry, spool.Add(Run(4)).Entry };

        var status = Spool.Status(State);

        Assert.Equal(2, status.Count);
        Assert.Equal(Night.AddDays(3), status.OldestFinishedUtc);
        Assert.Equal(waiting.Skip(1).Sum(e => e.Length), status.TotalBytes);
        Assert.Equal(1, status.RefusedCount);
        Assert.Equal(new SpoolDropReport { Count = 2, FirstFinishedUtc = Night, LastFinishedUtc = Night.AddDays(2) }, status.PendingDrop);
    }

    [Fact]
    public void A_damaged_drop_record_is_an_error_naming_the_file()
    {
        _tree.File("state/spool/dropped.json", "{ \"count\": ");

        var error = Assert.Throws<InvalidDataException>(() => Open(NewSpool()));

        Assert.StartsWith(Path.Combine(Folder, "dropped.json") + ": not a drop record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_full_device_is_recognised_as_a_full_disk()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // /dev/full answers every write with ENOSPC.
        var error = Assert.Throws<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            full.Write(new byte[16]);
            full.Flush();
        });

        Assert.True(SpoolDisk.IsDiskFull(error));
        Assert.False(SpoolDisk.IsDiskFull(new IOException("other")));
    }
}
