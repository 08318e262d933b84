using System.Security.Cryptography;
using System.Text;
using Marten;
using Marten.Services;
using Newsroom.Infrastructure;

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
