using System.Security.Cryptography;
using System.Text;

namespace Newsroom.Integrity;

public static class HashChain
{
    public const string Genesis = "";

    /// <summary>
    /// SHA-256 over the previous link's hash, the stream, the version, the stored event type, the canonical
    /// JSON of the event data and the correlation id, each length-prefixed so no two inputs can run together.
    /// </summary>
    public static string Link(string previousHash, Guid streamId, long version, string eventType, string canonicalData, string? correlationId)
    {
        var builder = new StringBuilder();
        foreach (var part in new[] { previousHash, streamId.ToString("D"), version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     eventType, canonicalData, correlationId ?? "" })
            builder.Append(part.Length).Append(':').Append(part).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
