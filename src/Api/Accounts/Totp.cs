using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HccOrleans.Api.Accounts;

/// <summary>
/// Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute them: HMAC-SHA1 over the
/// number of 30-second steps since the Unix epoch, dynamically truncated (RFC 4226) to six digits.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static string Code(byte[] key, long step, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // SHA-1 is what RFC 6238 and every authenticator app use; as an HMAC it is not open to SHA-1's collisions.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % (int)Math.Pow(10, digits);
        return binary.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The key URI an authenticator app scans (or is given) to set up the account's codes.</summary>
    public static string KeyUri(string userName, string key) =>
        $"otpauth://totp/HccOrleans:{Uri.EscapeDataString(userName)}?secret={key}&issuer=HccOrleans&digits=6&period=30";

    /// <summary>The key an authenticator app is given (RFC 4648 base32, spaces and case ignored); null if it is not base32.</summary>
    public static byte[]? KeyOf(string base32)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant().Where(c => c is not ' ' and not '='))
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
