using System.Text;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>The local sheet's files on disk. UTF-8 with a byte order mark, because spreadsheet programs read accents wrong without it.</summary>
internal static class LocalSheetFiles
{
    private static readonly UTF8Encoding WithMark = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a temporary file beside the target and moves it over, so a reader sees the old file or the new one, never half of one.</summary>
    public static void Replace(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, WithMark);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Adds lines to a file that already has its mark and header.</summary>
    public static void Append(string path, string text) => File.AppendAllText(path, text, WithoutMark);

    /// <summary>The file's text without its mark, or null when there is no file or nothing in it.</summary>
    public static string? Read(string path) =>
        File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) is { Length: > 0 } text ? text : null;
}
