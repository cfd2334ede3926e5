using MonitoramentoBKP.SampleBranch;

// sample-branch: the demo data of scripts/try.
//   sample-branch branches DIR                         lays out five branch machines (good, empty, missing, stale, corrupt)
//   sample-branch register COLLECTOR_URL KEY FILE DIR  imports the registry FILE, then the demo branches' overrides (their folders under DIR)
//   sample-branch token COLLECTOR_URL KEY BRANCH       asks for a one-time enrollment token and prints it
//   sample-branch status COLLECTOR_URL KEY             prints the collector's status table, worst first
//   sample-branch fleet COLLECTOR_URL KEY BRANCH       prints the fleet's probe versions and releases, and BRANCH's version
//   sample-branch trust-release-key PROBE_JSON SPKI    adds a release public key to probe.json's releaseKeys, keeping the rest
switch (args)
{
    case ["register", var url, var key, var file, var dir]:
        return await DemoRegistry.RegisterAsync(new Uri(url), key, file, Path.GetFullPath(dir), Console.Out);
    case ["token", var url, var key, var branch]:
        return await DemoRegistry.TokenAsync(new Uri(url), key, branch, Console.Out);
    case ["branches", var dir]:
        foreach (var line in DemoBranches.Create(Path.GetFullPath(dir), DateTime.UtcNow))
        {
            Console.WriteLine(line);
        }

        return 0;
    case ["status", var url, var key]:
        return await StatusTable.PrintAsync(new Uri(url), key, Console.Out);
    case ["fleet", var url, var key, var branch]:
        return await FleetTable.PrintAsync(new Uri(url), key, branch, Console.Out);
    case ["trust-release-key", var config, var publicKey]:
        return ReleaseKeyTrust.Add(config, publicKey, Console.Out, Console.Error);
    default:
        Console.Error.WriteLine("usage: sample-branch branches DIR | register COLLECTOR_URL KEY FILE DIR | token COLLECTOR_URL KEY BRANCH | status COLLECTOR_URL KEY | fleet COLLECTOR_URL KEY BRANCH | trust-release-key PROBE_JSON SPKI");
        return 2;
}
