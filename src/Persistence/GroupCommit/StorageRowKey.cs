using System.Text;

namespace HccOrleans.Persistence.GroupCommit;

/// <summary>
/// Where a grain's state lives in <c>orleansstorage</c>, computed exactly as the ADO.NET provider computes it, so that
/// either provider reads the rows the other wrote: a GUID or integer key goes to n0/n1 with any extension in the
/// string column, any other key is the string itself; both hashes are Orleans' stable hash of the key's bytes
/// (reversed on little-endian machines) and of the state name.
/// </summary>
public readonly record struct StorageRowKey(int IdHash, long N0, long N1, int TypeHash, string StateName, string? Extension)
{
    public static StorageRowKey For(string stateName, GrainId grainId)
    {
        byte[] bytes;
        long n0 = 0, n1 = 0;
        string? extension;
        if (grainId.TryGetGuidKey(out var guid, out extension))
        {
            var guidBytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(guidBytes, 0);
            n1 = BitConverter.ToInt64(guidBytes, 8);
            bytes = WithExtension(guidBytes, extension);
        }
        else if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            n1 = integer;
            bytes = WithExtension(BitConverter.GetBytes(integer), extension);
        }
        else
        {
            extension = grainId.Key.ToString();
            bytes = Encoding.UTF8.GetBytes(extension);
        }

        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return new StorageRowKey(
            (int)StableHash.ComputeHash(bytes), n0, n1, (int)StableHash.ComputeHash(Encoding.UTF8.GetBytes(stateName)), stateName, extension);
    }

    private static byte[] WithExtension(byte[] key, string? extension) =>
        extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];
}
