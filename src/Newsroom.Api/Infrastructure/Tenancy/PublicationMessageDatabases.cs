using JasperFx.Descriptors;
using Weasel.Core;
using Weasel.Core.Migrations;
using Wolverine.Persistence.Durability;
using Wolverine.RDBMS;

namespace Newsroom.Infrastructure.Tenancy;

/// <summary>
/// Wolverine's message tables in each publication's database, offered to <c>db-apply</c> (and <c>db-assert</c>,
/// <c>db-patch</c>): Wolverine lists only its main database there, and creates a publication's tables at first use
/// only when it may change the schema at run time — never in Production. With this, adding a publication is
/// configuration plus <c>db-apply</c>.
/// </summary>
public sealed class PublicationMessageDatabases(IMessageStore messages, Publications publications) : IDatabaseSource
{
    public DatabaseCardinality Cardinality => DatabaseCardinality.StaticMultiple;

    public async ValueTask<DatabaseUsage> DescribeDatabasesAsync(CancellationToken token)
    {
        var usage = new DatabaseUsage { Cardinality = Cardinality };
        foreach (var database in await FindAsync()) usage.Databases.Add(((IMessageDatabase)database).Describe());
        return usage;
    }

    public async ValueTask<IReadOnlyList<IDatabase>> BuildDatabases() => await FindAsync();

    private async Task<List<IDatabase>> FindAsync() => (await ByPublicationAsync()).Select(p => p.Database).ToList();

    /// <summary>Each publication's message database, with the publication's id.</summary>
    public async Task<IReadOnlyList<(string Publication, IDatabase Database)>> ByPublicationAsync()
    {
        var found = new List<(string, IDatabase)>();
        if (!publications.Several || messages is not MultiTenantedMessageStore tenants) return found;
        foreach (var id in publications.Ids)
            if (await tenants.Source.FindAsync(id) is IDatabase database) found.Add((id, database));
        return found;
    }
}
