using MonitoramentoBKP.SampleBranch;

// sample-branch: the demo data of scripts/try.
//   sample-branch branches DIR COLLECTOR_URL KEY   lays out five branch machines (good, empty, missing, stale, corrupt)
//   sample-branch register COLLECTOR_URL KEY FILE   imports the registry FILE, then the demo branches' overrides
//   sample-branch status COLLECTOR_URL KEY          prints the collector's status table, worst first
switch (args)
{
    case ["register", var url, var key, var file]:
        return await DemoRegistry.RegisterAsync(new Uri(url), key, file, Console.Out);
    case ["branches", var dir, var url, var key]:
        foreach (var line in DemoBranches.Create(Path.GetFullPath(dir), url, key, DateTime.UtcNow))
        {
            Console.WriteLine(line);
        }

        return 0;
    case ["status", var url, var key]:
        return await StatusTable.PrintAsync(new Uri(url), key, Console.Out);
    default:
        Console.Error.WriteLine("usage: sample-branch branches DIR COLLECTOR_URL KEY | register COLLECTOR_URL KEY FILE | status COLLECTOR_URL KEY");
        return 2;
}
