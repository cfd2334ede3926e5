namespace MonitoramentoBKP.Probe.Delivery;

public enum DeliveryOutcome
{
    /// <summary>The collector took the manifest (202), or had already taken this run (200).</summary>
    Delivered,

    /// <summary>No answer, or only answers worth retrying (408, 429, 5xx), until the attempts or the wait budget ran out.</summary>
    NotDelivered,

    /// <summary>The collector answered that this manifest or branch will not be taken (4xx, or an unexpected answer such as a redirect).</summary>
    Refused,
}
