namespace MonitoramentoBKP.Benchmarks;

/// <summary>A named ratio such as probe/openssl; null when either side is n/a.</summary>
public sealed record RatioFigure(string Name, double? Value)
{
    public static RatioFigure Of(string name, Figure numerator, Figure denominator) =>
        new(name, numerator.Value is { } n && denominator.Value is { } d && d > 0 ? n / d : null);

    public string Text => $"{Name} {(Value is { } v ? Units.Number(v) : "n/a")}";
}
