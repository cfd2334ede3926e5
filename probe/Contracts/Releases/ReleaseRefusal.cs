namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>A refused release, key rotation or download: the rule it broke and an English sentence for ops saying what and where.</summary>
public sealed record ReleaseRefusal(ReleaseRefusalKind Kind, string Reason)
{
    public override string ToString() => $"{Kind}: {Reason}";
}
