using JasperFx.CommandLine.Descriptions;
using JasperFx.Resources;
using Weasel.Core.Migrations;
using Weasel.Core.CommandLine;

namespace Newsroom.Infrastructure.Tenancy;

/// <summary>
/// Each publication's Wolverine message tables as resources of <c>resources setup</c> / <c>resources check</c>, as
/// <see cref="PublicationMessageDatabases"/> offers them to <c>db-apply</c>: Wolverine's own resource covers only its
/// main database, so without this a node set up with <c>resources setup</c> could not start in Production.
/// </summary>
public sealed class PublicationMessagesSystemPart(PublicationMessageDatabases databases)
    : SystemPartBase("Publications' message tables", new Uri("newsroom://publication-messages"))
{
    public override async ValueTask<IReadOnlyList<IStatefulResource>> FindResources() =>
        (await databases.ByPublicationAsync())
            .Select(p => (IStatefulResource)new DatabaseResource(p.Database, new Uri($"newsroom://publication-messages/{p.Publication}")))
            .ToList();
}
