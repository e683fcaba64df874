namespace HccOrleans.Tests.Support;

/// <summary>Lock-free updates that <see cref="Interlocked"/> has no single call for.</summary>
public static class Atomic
{
    /// <summary>Raises <paramref name="target"/> to <paramref name="value"/> if that is higher, whatever other threads write meanwhile.</summary>
    public static void RaiseTo(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
