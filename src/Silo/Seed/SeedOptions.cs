namespace HccOrleans.Silo.Seed;

/// <summary>The <c>Seed</c> configuration section: what a silo puts in an empty center when it starts.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Demo units, procedures and the shipped calendar years; never overwrites what exists.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Demo dossiers at every stage, on the in-memory engine only (never into a real center's database).</summary>
    public bool DemoDossiers { get; set; } = true;
}
