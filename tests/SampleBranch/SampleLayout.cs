using System.IO.Compression;

namespace MonitoramentoBKP.SampleBranch;

/// <summary>
/// A branch machine as the product meets it: nightly SQL Server dumps (good), a zipped database whose latest
/// archive is damaged, a database whose dumps stopped days ago, an empty photo folder and a configured folder
/// that does not exist, with the accents and spaces real folder names have.
/// </summary>
public static class SampleLayout
{
    public static IReadOnlyList<string> Create(string root, DateTime nowUtc)
    {
        var sql = Path.Combine(root, "backup_sql");
        var random = new Random(20261130);
        var lines = new List<string>();

        for (var day = 3; day >= 0; day--)
        {
            var when = nowUtc.Date.AddDays(-day).AddHours(1);
            Write(Path.Combine(sql, "Vendas", $"Vendas_{when:yyyyMMdd}_2200.bak"), Bytes(random, 2_000_000 + (day * 10_000)), when);
        }

        lines.Add("backup_sql/Vendas: 4 dumps diários, o último de hoje (bom)");

        for (var day = 2; day >= 0; day--)
        {
            var when = nowUtc.Date.AddDays(-day).AddHours(2);
            var zip = Path.Combine(sql, "Estoque", $"Estoque_{when:yyyyMMdd}.zip");
            WriteZip(zip, "Estoque.bak", Bytes(random, 1_500_000), when);
            if (day == 0)
            {
                Damage(zip, when);
            }
        }

        lines.Add("backup_sql/Estoque: zips diários, o de hoje CORROMPIDO");

        for (var day = 12; day >= 9; day--)
        {
            var when = nowUtc.Date.AddDays(-day).AddHours(1);
            Write(Path.Combine(sql, "Compras", $"Compras_{when:yyyyMMdd}.bak"), Bytes(random, 800_000), when);
        }

        lines.Add("backup_sql/Compras: último dump há 9 dias (parado)");

        Write(Path.Combine(sql, "Cópia de Segurança", "ação diária.bak"), Bytes(random, 50_000), nowUtc.Date.AddHours(3));
        lines.Add("backup_sql/Cópia de Segurança: nomes com acentos e espaços");

        Directory.CreateDirectory(Path.Combine(root, "fotos"));
        lines.Add("fotos: pasta vazia");
        lines.Add("nfe_xml: configurada, mas não existe");

        File.WriteAllText(Path.Combine(root, "probe.json"), """
            {
              "branchId": "F001-DEMO",
              "sets": [
                { "id": "sql", "root": "backup_sql", "include": ["*.bak", "*.zip"] },
                { "id": "fotos", "root": "fotos" },
                { "id": "nfe", "root": "nfe_xml", "include": ["*.xml", "*.zip"] }
              ]
            }
            """);
        lines.Add("probe.json: os três conjuntos acima");
        return lines;
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
