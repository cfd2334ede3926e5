namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>What <c>bkp-probe enroll</c> works with, every path full; <see cref="LanguageGiven"/> says whether --lang was.</summary>
public sealed record EnrollmentSettings(Uri Collector, string BranchId, string Token, string ConfigPath, string StateDirectory, string KeyFile, Language Language, bool LanguageGiven);
