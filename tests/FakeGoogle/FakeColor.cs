using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>A Color as sent: components 0..1; Google leaves zero components out, which read back here as 0.</summary>
public sealed record FakeColor(double Red, double Green, double Blue, double? Alpha = null)
{
    internal static FakeColor? From(JsonObject? json) => json is null
        ? null
        : new FakeColor(json.OptionalDouble("red") ?? 0, json.OptionalDouble("green") ?? 0, json.OptionalDouble("blue") ?? 0, json.OptionalDouble("alpha"));

    /// <summary>Compares within float precision, which is what Google keeps of a component.</summary>
    public bool IsAbout(double red, double green, double blue, double tolerance = 1e-6) =>
        Math.Abs(Red - red) <= tolerance && Math.Abs(Green - green) <= tolerance && Math.Abs(Blue - blue) <= tolerance;
}
