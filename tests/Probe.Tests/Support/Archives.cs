using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>Makes real archives of every tested format from a folder of files, and damaged copies of them.</summary>
public static class Archives
{
    public static Dictionary<string, byte[]> Contents(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"INSERT INTO vendas VALUES ({i}, 'loja {i % 300}', {random.Next()});\n"));
        return new Dictionary<string, byte[]>
        {
            ["Vendas.sql"] = System.Text.Encoding.UTF8.GetBytes(text),
            ["dados/ação.bin"] = TempTree.Random(1_500_000, seed),
            ["dados/vazio.txt"] = [],
        };
    }

    public static void Create(string format, string archivePath, Dictionary<string, byte[]> contents)
    {
        switch (format)
        {
            case "zip":
                using (var file = File.Create(archivePath))
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
                {
                    foreach (var (name, data) in contents)
                    {
                        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                        entry.Write(data);
                    }
                }

                break;
            case "zip-streamed":
                // Written to a pipe-like stream, as backup tools that zip on the fly do: sizes and CRCs go in data descriptors.
                using (var file = File.Create(archivePath))
                using (var zip = new ZipArchive(new ForwardOnlyStream(file), ZipArchiveMode.Create))
                {
                    foreach (var (name, data) in contents)
                    {
                        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                        entry.Write(data);
                    }
                }

                break;
            case "tar":
                using (var file = File.Create(archivePath))
                {
                    WriteTar(file, contents);
                }

                break;
            case "tar.gz":
                using (var file = File.Create(archivePath))
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
                {
                    WriteTar(gzip, contents);
                }

                break;
            case "gz":
                using (var file = File.Create(archivePath))
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
                {
                    gzip.Write(contents.Values.First());
                }

                break;
            case "7z":
                var folder = archivePath + ".src";
                foreach (var (name, data) in contents)
                {
                    var path = Path.Combine(folder, name);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, data);
                }

                Run("7z", $"a -t7z -mx=1 -bd -y \"{archivePath}\" .", folder);
                Directory.Delete(folder, recursive: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>Flips bytes inside the compressed data (away from headers), as a bad sector or a bad copy would.</summary>
    public static void FlipInData(string path, double at = 0.3)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = (int)(bytes.Length * at);
        for (var i = 0; i < 8; i++)
        {
            bytes[offset + (i * 97)] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);
    }

    public static void Truncate(string path, double keep = 0.6)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.SetLength((long)(file.Length * keep));
    }

    private static void WriteTar(Stream destination, Dictionary<string, byte[]> contents)
    {
        using var tar = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (name, data) in contents)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
    }

    private static void Run(string tool, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(tool, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is needed to make test archives: install p7zip-full (.ci/run does)", e);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {arguments} failed: {errors}");
            }
        }
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
