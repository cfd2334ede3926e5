using MonitoramentoBKP.SampleBranch;

// sample-branch DIR: lays out one branch machine's backup folders, with the situations the product must tell apart.
if (args.Length != 1 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: sample-branch DIR   (creates DIR/probe.json and the backup folders it names)");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var layout = SampleLayout.Create(root, DateTime.UtcNow);
Console.WriteLine($"Filial de exemplo criada em {root}:");
foreach (var line in layout)
{
    Console.WriteLine("  " + line);
}

return 0;
