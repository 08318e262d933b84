using Newsroom.Infrastructure;

namespace Newsroom.Integrity;

/// <summary>The hash that chains one event to the one before it in its stream.</summary>
public sealed class ChainLink
{
    public Guid Id { get; set; }
    public Guid StreamId { get; set; }
    public long Version { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static Guid IdFor(Guid streamId, long version) => StableGuid.From($"chain:{streamId}:{version}");
}
