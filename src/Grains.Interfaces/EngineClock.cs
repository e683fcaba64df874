namespace HccOrleans.Grains.Interfaces;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that domain time comes from. It is keyed so that tests can
/// drive dossier time with a fake clock while the Orleans runtime keeps real time.
/// </summary>
public static class EngineClock
{
    public const string Key = "hcc-engine";
}
