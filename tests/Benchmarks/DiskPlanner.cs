using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>Chooses the data sizes before anything is written, so a full disk is found out up front, not half-way through generation.</summary>
public static class DiskPlanner
{
    /// <summary>Below this much room (counting data that will be replaced) the full run uses 2 GiB large files instead of 4 GiB.</summary>
    public const long FullRunMinimumFree = 12 * DataPlan.GiB;

    private const long Headroom = 1 * DataPlan.GiB;

    public static DataPlan Plan(bool quick, DataLayout layout, TextWriter log)
    {
        Directory.CreateDirectory(layout.DataRoot);
        var available = new DriveInfo(layout.DataRoot).AvailableFreeSpace;
        var notes = new List<string>();
        var large = DataPlan.DefaultLargeFileBytes(quick);
        var inv = CultureInfo.InvariantCulture;

        if (!quick && !DataGenerator.IsLargeReusable(layout, large))
        {
            var room = available + ExistingLargeBytes(layout);
            if (room < FullRunMinimumFree)
            {
                large = 2 * DataPlan.GiB;
                notes.Add(string.Create(inv, $"only {Units.GiBText(room)} free on the work disk (< {Units.GiBText(FullRunMinimumFree)}): large files reduced to 2 GiB, so scenario 2 hashes 2 x 2 GiB"));
            }
        }

        var plan = DataPlan.For(quick, large, notes);
        long toWrite = 0;
        long freed = 0;
        if (!DataGenerator.IsLargeReusable(layout, plan.LargeFileBytes))
        {
            toWrite += plan.LargeDiskBytes;
            freed += ExistingLargeBytes(layout);
        }

        foreach (var spec in new[] { plan.SmallFiles, plan.Tree })
        {
            if (!DataGenerator.IsFileSetReusable(layout, spec))
            {
                toWrite += spec.DiskBytes();
                freed += ExistingBytes(layout.Folder(spec));
            }
        }

        log.WriteLine(string.Create(inv, $"disk: {Units.GiBText(available)} free at {layout.DataRoot}; this run's data takes {Units.GiBText(plan.LargeDiskBytes + plan.SmallFiles.DiskBytes() + plan.Tree.DiskBytes())}, {Units.GiBText(toWrite)} of it still to write"));
        if (available + freed < toWrite + Headroom)
        {
            throw new BenchSetupException(string.Create(inv, $"not enough disk at {layout.DataRoot}: {Units.GiBText(toWrite)} to write plus {Units.GiBText(Headroom)} headroom, {Units.GiBText(available + freed)} available; use --work on a larger disk or --quick"));
        }

        return plan;
    }

    private static long ExistingLargeBytes(DataLayout layout) => Length(layout.LargeOneFile) + Length(layout.LargeTwoSecond);

    private static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    private static long ExistingBytes(string folder) => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Sum(f => f.Length)
        : 0;
}
