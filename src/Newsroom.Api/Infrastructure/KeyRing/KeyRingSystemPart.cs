using JasperFx.CommandLine.Descriptions;
using JasperFx.Resources;
using Weasel.Core.CommandLine;

namespace Newsroom.Infrastructure.KeyRing;

/// <summary>The key ring's table as a resource of <c>resources setup</c> / <c>resources check</c> (besides <c>db-apply</c>).</summary>
public sealed class KeyRingSystemPart(KeyRingDatabase database) : SystemPartBase("Data Protection key ring", new Uri("newsroom://key-ring"))
{
    public override ValueTask<IReadOnlyList<IStatefulResource>> FindResources() =>
        new([new DatabaseResource(database, SubjectUri)]);
}
