namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>Where the sets a run scanned came from, for the run's own message.</summary>
public enum PolicySource
{
    /// <summary>Fetched from the collector just now (or confirmed unchanged there).</summary>
    Collector,

    /// <summary>The copy kept from an earlier run: the collector could not be asked.</summary>
    Cache,
}
