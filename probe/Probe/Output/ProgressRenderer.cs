using System.Diagnostics;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Output;

/// <summary>One self-overwriting line on stderr (files, bytes, throughput) for a person watching; silent when nobody is.</summary>
public sealed class ProgressRenderer : IDisposable
{
    private readonly ScanProgress _progress;
    private readonly Messages _messages;
    private readonly TextWriter _writer;
    private readonly Timer _timer;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _lastLength;

    public ProgressRenderer(ScanProgress progress, Messages messages, TextWriter writer)
    {
        _progress = progress;
        _messages = messages;
        _writer = writer;
        _timer = new Timer(_ => Render(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_writer)
        {
            if (_lastLength > 0)
            {
                _writer.Write("\r" + new string(' ', _lastLength) + "\r");
                _writer.Flush();
            }
        }
    }

    private void Render()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var line = _messages.Progress(_progress.FilesDone, _progress.FilesToHash, _progress.BytesRead, seconds > 0 ? _progress.BytesRead / seconds : 0);
        lock (_writer)
        {
            _writer.Write("\r" + line.PadRight(_lastLength));
            _writer.Flush();
            _lastLength = line.Length;
        }
    }
}
