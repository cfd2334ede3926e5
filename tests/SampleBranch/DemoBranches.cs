using System.IO.Compression;
using System.Text.Json;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>
/// Five branch machines of the sample registry, each in a situation the product must tell apart: good nightly
/// dumps (F003), an empty dump folder (F004), a missing one (F006), dumps that stopped five days ago (F007),
/// and a damaged newest zip (F008). What each probe scans is not written on the machine: the registry's
/// overrides for these branches (<see cref="Override"/>) point the sets at these folders, and each probe gets them
/// from the collector's policy once enrolled.
/// </summary>
public static class DemoBranches
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static IReadOnlyList<string> Create(string root, DateTime nowUtc)
    {
        var random = new Random(20261130);
        var localToday = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, SaoPaulo).Date;
        DateTime Night(int daysAgo, int minute) => TimeZoneInfo.ConvertTimeToUtc(localToday.AddDays(-1 - daysAgo).AddHours(22).AddMinutes(minute), SaoPaulo);

        var lines = new List<string>();
        void Branch(string id, string situation, Action<string, string> vendas, Action<string> estoque)
        {
            var dir = Path.Combine(root, id);
            var (vendasDir, estoqueDir) = Roots(root, id);
            Directory.CreateDirectory(dir);
            vendas(vendasDir, id);
            estoque(estoqueDir);
            lines.Add($"{id}: {situation}");
        }

        void Dumps(string dir, int newestDaysAgo)
        {
            for (var d = newestDaysAgo + 6; d >= newestDaysAgo; d--)
            {
                Write(Path.Combine(dir, $"Vendas_{TimeZoneInfo.ConvertTimeFromUtc(Night(d, 5), SaoPaulo):yyyyMMdd}.bak"), Bytes(random, 1_500_000 + (d * 1000)), Night(d, 5));
            }
        }

        void Zips(string dir, bool damageNewest)
        {
            for (var d = 6; d >= 0; d--)
            {
                var path = Path.Combine(dir, $"Estoque_{TimeZoneInfo.ConvertTimeFromUtc(Night(d, 10), SaoPaulo):yyyyMMdd}.zip");
                WriteZip(path, "Estoque.bak", Bytes(random, 400_000), Night(d, 10));
                if (damageNewest && d == 0)
                {
                    Damage(path, Night(d, 10));
                }
            }
        }

        Branch("F003", "dumps diários bons", (dir, _) => Dumps(dir, 0), dir => Zips(dir, false));
        Branch("F004", "pasta de dumps do Vendas vazia", (dir, _) => Directory.CreateDirectory(dir), dir => Zips(dir, false));
        Branch("F006", "pasta de dumps do Vendas não existe", (_, _) => { }, dir => Zips(dir, false));
        Branch("F007", "dumps do Vendas parados há 5 dias", (dir, _) => Dumps(dir, 5), dir => Zips(dir, false));
        Branch("F008", "zip mais recente do Estoque corrompido", (dir, _) => Dumps(dir, 0), dir => Zips(dir, true));
        return lines;
    }

    /// <summary>Where a demo branch's two sets are, under <paramref name="root"/>.</summary>
    public static (string Vendas, string Estoque) Roots(string root, string id) =>
        (Path.Combine(root, id, "backup_sql", "Vendas"), Path.Combine(root, id, "backup_sql", "Estoque"));

    /// <summary>
    /// The overrides the try script PUTs for these branches: their folders on this machine (the registry is what
    /// the probes scan), and smaller size minimums, as the sample files are smaller than a real store's.
    /// </summary>
    public static string Override(string id, string name, string root)
    {
        var (vendas, estoque) = Roots(root, id);
        return JsonSerializer.Serialize(new
        {
            id,
            name,
            template = "loja-sql",
            sets = new Dictionary<string, object>
            {
                ["sql-vendas"] = new { root = vendas, minSize = "1MB" },
                ["sql-estoque"] = new { root = estoque, minSize = "100KB" },
            },
        });
    }

    private static byte[] Bytes(Random random, int size)
    {
        // Half random, half repetitive: compresses like a real database dump does.
        var bytes = new byte[size];
        random.NextBytes(bytes.AsSpan(0, size / 2));
        for (var i = size / 2; i < size; i++)
        {
            bytes[i] = (byte)"INSERT INTO "[i % 12];
        }

        return bytes;
    }

    private static void Write(string path, byte[] content, DateTime lastWriteUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
    }

    private static void WriteZip(string path, string entryName, byte[] content, DateTime lastWriteUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
            entry.Write(content);
        }

        File.SetLastWriteTimeUtc(path, lastWriteUtc);
    }

    private static void Damage(string path, DateTime lastWriteUtc)
    {
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 3; i < (bytes.Length / 3) + 64; i += 8)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
    }
}
