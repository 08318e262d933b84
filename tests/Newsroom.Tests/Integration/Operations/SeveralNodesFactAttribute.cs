namespace Newsroom.Tests.Integration;

/// <summary>
/// The three-node test runs when <c>NEWSROOM_SEVERAL_NODES=1</c>, which <c>./test.sh</c> sets for a full run (no
/// arguments: CI); a filtered run skips it unless the variable is set
/// (<c>NEWSROOM_SEVERAL_NODES=1 ./test.sh --filter "FullyQualifiedName~three_nodes"</c>). It takes over a minute and
/// three processes, which a developer iterating on one feature rarely wants.
/// </summary>
public sealed class SeveralNodesFactAttribute : FactAttribute
{
    public SeveralNodesFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("NEWSROOM_SEVERAL_NODES") != "1")
            Skip = "A full ./test.sh run includes the three-node test; set NEWSROOM_SEVERAL_NODES=1 to run it in a filtered run (operations.md, \"Several nodes\").";
    }
}
