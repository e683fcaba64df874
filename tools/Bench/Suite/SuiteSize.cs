namespace HccOrleans.Bench.Suite;

/// <summary>How much each part of the suite does. <see cref="Full"/> is what docs/benchmarks.md records; <see cref="Smoke"/> checks the suite runs.</summary>
internal sealed record SuiteSize(
    int Callers,
    int Rounds,
    int CeilingOperations,
    int EngineDossiers,
    int PeerCases,
    int HttpDossiers,
    int DrainDossiers,
    int HoldingDeadlines,
    int ClusterDossiers,
    int Uploads,
    int UploadMebibytes,
    int SearchDossiers,
    int ReportDossiers)
{
    public static SuiteSize Full { get; } = new(
        Callers: 100, Rounds: 3, CeilingOperations: 30_000, EngineDossiers: 6_000, PeerCases: 6_000, HttpDossiers: 3_000,
        DrainDossiers: 20_000, HoldingDeadlines: 1_000_000, ClusterDossiers: 3_000, Uploads: 40, UploadMebibytes: 5,
        SearchDossiers: 1_000_000, ReportDossiers: 8_000_000);

    public static SuiteSize Smoke { get; } = new(
        Callers: 20, Rounds: 1, CeilingOperations: 2_000, EngineDossiers: 300, PeerCases: 300, HttpDossiers: 200,
        DrainDossiers: 1_000, HoldingDeadlines: 20_000, ClusterDossiers: 200, Uploads: 6, UploadMebibytes: 2,
        SearchDossiers: 20_000, ReportDossiers: 50_000);
}
