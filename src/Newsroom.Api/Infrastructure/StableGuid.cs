using System.Security.Cryptography;
using System.Text;

namespace Newsroom.Infrastructure;

public static class StableGuid
{
    /// <summary>
    /// The same GUID for the same text, every time and on every node (SHA-256, RFC 9562 version 8 layout):
    /// ids that retries and subscribers can deduplicate on.
    /// </summary>
    public static Guid From(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
