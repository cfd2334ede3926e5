using CsCheck;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// How long each property runs, so CI stays bounded (under 30 s for them all on two cores). CsCheck_Time (seconds,
/// from the environment) runs each longer for a deeper search: dotnet test ... -e CsCheck_Time=120.
/// </summary>
public static class PropertyTime
{
    /// <summary>Each shape of <see cref="Shapes.All"/>.</summary>
    public static int PerShape => Check.Time > 0 ? Check.Time : 1;

    /// <summary>Each property over sequences and races.</summary>
    public static int PerProperty => Check.Time > 0 ? Check.Time : 2;
}
