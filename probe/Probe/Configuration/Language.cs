namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>What branch staff read: Brazilian Portuguese by default, English on request.</summary>
public enum Language
{
    PortugueseBrazil,
    English,
}
