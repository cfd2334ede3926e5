namespace MonitoramentoBKP.Collector.Identity;

/// <summary>
/// Why a probe's request was not authenticated: a 401 whose problem <see cref="Type"/> names the reason, in the
/// order the collector checks them. Nothing is changed by a refused request.
/// </summary>
public sealed record ProbeRefusal(int StatusCode, string Type, string Title, string Detail)
{
    public const string ProblemBase = "https://monitoramentobkp.example/problems/";

    public string ProblemType => ProblemBase + Type;

    public static ProbeRefusal Unauthorized(string type, string title, string detail) => new(401, type, title, detail);
}
