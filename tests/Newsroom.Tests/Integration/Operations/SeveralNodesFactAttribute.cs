namespace Newsroom.Tests.Integration;

/// <summary>
/// The three-node test runs when <c>NEWSROOM_SEVERAL_NODES=1</c> (e.g. <c>NEWSROOM_SEVERAL_NODES=1 ./test.sh --filter
/// "FullyQualifiedName~three_nodes"</c>). Not in every run yet: on a loaded 2-core machine it failed twice in three
/// CI runs, once on a projection left standing after a graceful stop (the known Wolverine assignment defect in
/// operations.md, "Several nodes") and once waiting for the audit log to catch up (3 924 of 3 925 events). Until that
/// is understood it is a measurement run on purpose, not a gate that fails other people's work at random.
/// </summary>
public sealed class SeveralNodesFactAttribute : FactAttribute
{
    public SeveralNodesFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NEWSROOM_SEVERAL_NODES") != "1")
            Skip = "Set NEWSROOM_SEVERAL_NODES=1 to run the three-node test (operations.md, \"Several nodes\").";
    }
}
