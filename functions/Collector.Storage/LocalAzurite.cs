using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// Azurite, the storage emulator, from the repository's node_modules (npm ci), on free loopback ports, in memory;
/// stopped on dispose. For the local host and the storage tests only: nothing in Azure starts it.
/// </summary>
public sealed class LocalAzurite : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private LocalAzurite(Process process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<LocalAzurite> StartAsync()
    {
        var executable = FindAzurite();
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in new[]
        {
            "--skipApiVersionCheck", "--inMemoryPersistence", "--silent", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{ports[0]}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{ports[1]}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{ports[2]}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new LocalAzurite(process, $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{Account};QueueEndpoint=http://127.0.0.1:{ports[1]}/{Account};TableEndpoint=http://127.0.0.1:{ports[2]}/{Account};");
        foreach (var port in new[] { ports[0], ports[2] })
        {
            await WaitForAsync(process, port).ConfigureAwait(false);
        }

        return azurite;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No storage is configured ('Storage') and Azurite is not installed: run 'npm ci' at the repository root.");
    }

    private static async Task WaitForAsync(Process process, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
