using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace MonitoramentoBKP.LocalHost.Tests.Support;

/// <summary>
/// A real headless Chromium driven over the Chrome DevTools Protocol, to see the local sheet's page as a manager's
/// browser renders it. A missing browser fails the tests rather than skipping them: the page's colours are only
/// proven by rendering it.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private static readonly string[] Executables = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "monitoramentobkp-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _replies = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _loads = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ClientWebSocket _socket = new();
    private Process? _process;
    private Task? _receiving;
    private string? _session;
    private string? _target;
    private int _lastId;

    /// <summary>The browser's product and version, e.g. "Chrome/156.0.8078.114".</summary>
    public string Version { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "The local sheet's page is checked in a real browser, and none of " + string.Join(", ", Executables) + " is on PATH. "
            + "Install the Debian package `chromium` (sudo apt-get install chromium); CI installs it.");
        Directory.CreateDirectory(_profile);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-extensions", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
            "--user-data-dir=" + _profile, "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.ErrorDataReceived += (_, e) =>
        {
            const string Prefix = "DevTools listening on ";
            if (e.Data is { } line)
            {
                _stderr.Enqueue(line);
                if (line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    listening.TrySetResult(new Uri(line[Prefix.Length..].Trim()));
                }
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"{executable} exited before it offered DevTools:\n{Output()}"));
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        await _socket.ConnectAsync(await listening.Task.WaitAsync(Patience), CancellationToken.None);
        _receiving = Task.Run(ReceiveAsync);
        Version = (await SendAsync("Browser.getVersion")).GetProperty("product").GetString()!;
    }

    /// <summary>
    /// A new tab for each page, so nothing of the page before (its self-refresh, a load still pending) can stand in
    /// the way of the next one; the tab before is closed.
    /// </summary>
    private async Task OpenTabAsync()
    {
        if (_target is not null)
        {
            await SendAsync("Target.closeTarget", new { targetId = _target }, session: null);
        }

        var target = await SendAsync("Target.createTarget", new { url = "about:blank" }, session: null);
        _target = target.GetProperty("targetId").GetString();
        var attached = await SendAsync("Target.attachToTarget", new { targetId = _target, flatten = true }, session: null);
        _session = attached.GetProperty("sessionId").GetString();
        await SendAsync("Page.enable");
        await SendAsync("Page.setLifecycleEventsEnabled", new { enabled = true });

        // A laptop's window, so what is too wide to fit is the same on every machine.
        await SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1280, height = 800, deviceScaleFactor = 1, mobile = false });
    }

    /// <summary>Opens <paramref name="url"/>, waits for it to load, and gives what <paramref name="expression"/> evaluates to there, as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(Uri url, string expression)
    {
        // A page that did not load in a fresh tab gets one more fresh tab: CI has seen a navigation hang once in a while.
        for (var attempt = 1; ; attempt++)
        {
            await OpenTabAsync();
            var navigated = await SendAsync("Page.navigate", new { url = url.ToString() });
            if (navigated.TryGetProperty("errorText", out var error))
            {
                throw new InvalidOperationException($"Chromium could not open {url}: {error}");
            }

            try
            {
                await LoadedAsync(navigated.GetProperty("loaderId").GetString()!, url);
                return await EvaluateAsync(expression);
            }
            catch (TimeoutException) when (attempt == 1)
            {
            }
        }
    }

    // The lifecycle event is the quick answer; a busy machine has been seen to lose it, so the page's own state is asked as well.
    private async Task LoadedAsync(string loaderId, Uri url)
    {
        var deadline = Stopwatch.StartNew();
        var loaded = Loaded(loaderId).Task;
        while (!loaded.IsCompleted)
        {
            if (deadline.Elapsed > Patience)
            {
                throw new TimeoutException($"Chromium did not finish loading {url} within {Patience.TotalSeconds:0} s:\n{Output()}");
            }

            await Task.WhenAny(loaded, Task.Delay(250));
            if (!loaded.IsCompleted)
            {
                var state = await EvaluateAsync("document.readyState === 'complete' ? location.href : ''");
                if (state.ValueKind == JsonValueKind.String && new Uri(state.GetString() is { Length: > 0 } href ? href : "about:blank") == url)
                {
                    return;
                }
            }
        }

        await loaded;
    }

    /// <summary>What <paramref name="expression"/> evaluates to on the page as it is now.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var evaluated = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (evaluated.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page could not evaluate {expression}: {exception}");
        }

        return evaluated.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(Patience);
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }

            _process.Dispose();
        }

        if (_receiving is not null)
        {
            await _receiving;
        }

        _socket.Dispose();
        _sending.Dispose();
        await DeleteProfileAsync();
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Executables.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    private Task<JsonElement> SendAsync(string method, object? parameters = null) => SendAsync(method, parameters, _session);

    private async Task<JsonElement> SendAsync(string method, object? parameters, string? session)
    {
        var id = Interlocked.Increment(ref _lastId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        var message = new Dictionary<string, object?> { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new { } };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }

        return await reply.Task.WaitAsync(Patience);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    Dispatch(message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            // The browser was killed: whatever still waits for a reply is told below.
        }

        foreach (var reply in _replies.Values)
        {
            reply.TrySetException(new InvalidOperationException($"Chromium closed the DevTools connection:\n{Output()}"));
        }
    }

    private void Dispatch(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (_replies.TryRemove(id.GetInt32(), out var reply))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    reply.TrySetException(new InvalidOperationException($"DevTools refused a command: {error}"));
                }
                else
                {
                    reply.TrySetResult(root.GetProperty("result").Clone());
                }
            }
        }
        else if (root.GetProperty("method").GetString() == "Page.lifecycleEvent"
            && root.GetProperty("params") is var parameters && parameters.GetProperty("name").GetString() == "load")
        {
            Loaded(parameters.GetProperty("loaderId").GetString()!).TrySetResult();
        }
    }

    // Keyed by the navigation's loader, so a load that finishes before its reply arrives, or a page reloading itself, is not mistaken for another.
    private TaskCompletionSource Loaded(string loaderId) =>
        _loads.GetOrAdd(loaderId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private string Output() => string.Join('\n', _stderr.TakeLast(40));

    private async Task DeleteProfileAsync()
    {
        // The browser's last children may still hold files for a moment after it is killed.
        for (var attempt = 1; Directory.Exists(_profile); attempt++)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
        }
    }
}
