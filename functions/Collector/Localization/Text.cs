namespace MonitoramentoBKP.Collector.Localization;

/// <summary>A sentence for people, in Brazilian Portuguese and English; which one is shown is the reader's setting.</summary>
public sealed record Text(string Pt, string En)
{
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Pt;

    public override string ToString() => Pt;
}
