using System.Text;
using System.Text.Json;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>
/// Everything the store holds, written out in one canonical order: two fingerprints are equal byte for byte exactly
/// when nothing stored changed (snapshots and their versions, applied runs, status changes, blobs, baselines, due
/// entries, outbox marks and delivered flags, dispatch signals).
/// </summary>
public sealed partial class InMemoryStore
{
    private static readonly JsonSerializerOptions Canonical = new();

    public byte[] Fingerprint()
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            void Line(string kind, object value) => text.Append(kind).Append(": ").AppendLine(JsonSerializer.Serialize(value, Canonical));

            foreach (var (id, (snapshot, version)) in _branches.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                Line("branch", new { id, version, snapshot.Contact });
                foreach (var set in snapshot.Sets.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    Line("set", set.Value);
                }

                foreach (var day in snapshot.Days.OrderBy(d => d.Key.SetId, StringComparer.Ordinal).ThenBy(d => d.Key.Day))
                {
                    Line("day", day.Value);
                }
            }

            foreach (var (branch, run) in _applied.OrderBy(a => a.Item1, StringComparer.Ordinal).ThenBy(a => a.Item2))
            {
                Line("applied", new { branch, run });
            }

            foreach (var change in Changes)
            {
                Line("change", change);
            }

            foreach (var (name, gzip) in Blobs.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                Line("blob", new { name, sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(gzip)) });
            }

            foreach (var (name, baseline) in Baselines.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                Line("baseline", new
                {
                    name,
                    sets = baseline.Sets.OrderBy(s => s.Key, StringComparer.Ordinal)
                        .Select(s => new { set = s.Key, files = s.Value.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value) }),
                });
            }

            foreach (var due in Due.OrderBy(d => d.BranchId, StringComparer.Ordinal).ThenBy(d => d.SetId, StringComparer.Ordinal).ThenBy(d => d.DueUtc))
            {
                Line("due", due);
            }

            foreach (var (branch, version) in _marks.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                Line("mark", new { branch, version });
            }

            foreach (var delivered in _delivered.Order(StringComparer.Ordinal))
            {
                Line("delivered", delivered);
            }

            Line("signals", Signals);
            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
