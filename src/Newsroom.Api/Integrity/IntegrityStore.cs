using Marten;

namespace Newsroom.Integrity;

public static class IntegrityStore
{
    public static StoreOptions AddIntegrity(this StoreOptions options)
    {
        options.Listeners.Add(new HashChainListener());
        options.Schema.For<ChainLink>().Duplicate(l => l.StreamId).Duplicate(l => l.Version);
        return options;
    }
}
