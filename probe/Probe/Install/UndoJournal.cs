namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// What an install changed, each with how to put it back, so a failed install is undone in reverse order and leaves
/// the machine as it found it (including whatever an earlier install had left there).
/// </summary>
public sealed class UndoJournal
{
    private readonly List<(string What, Action Undo)> _steps = [];

    public void Add(string what, Action undo) => _steps.Add((what, undo));

    /// <summary>Undoes everything, newest first, going on past a failure; returns what could not be undone, and why.</summary>
    public IReadOnlyList<(string What, string Problem)> Rollback()
    {
        var failed = new List<(string, string)>();
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            try
            {
                _steps[i].Undo();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InstallStepException or InvalidOperationException)
            {
                failed.Add((_steps[i].What, e.Message));
            }
        }

        _steps.Clear();
        return failed;
    }

    /// <summary>The undo of writing <paramref name="path"/>: its earlier bytes back, or no file when there was none.</summary>
    public static Action RestoreFile(string path)
    {
        var before = File.Exists(path) ? File.ReadAllBytes(path) : null;
        return () =>
        {
            if (before is null)
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            else
            {
                File.WriteAllBytes(path, before);
            }
        };
    }

    /// <summary>Creates <paramref name="folder"/> (and the missing folders above it), each removed again on undo.</summary>
    public void CreateFolder(string folder)
    {
        var missing = new List<string>();
        for (var at = Path.GetFullPath(folder); !Directory.Exists(at); at = Path.GetDirectoryName(at)!)
        {
            missing.Add(at);
        }

        Directory.CreateDirectory(folder);
        foreach (var created in missing.AsEnumerable().Reverse())
        {
            Add(created, () => Directory.Delete(created, recursive: true));
        }
    }
}
