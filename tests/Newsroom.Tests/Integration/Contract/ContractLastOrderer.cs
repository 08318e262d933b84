using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Newsroom.Tests.Integration.Contract.ContractLastOrderer", "Newsroom.Tests")]

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// Runs the contract collection after every other one (test parallelization is off for the assembly, so the
/// collections run one after the other in this order): the contract tests judge the answers all the other
/// tests observed. The other collections keep xunit's default order.
/// </summary>
public sealed class ContractLastOrderer : ITestCollectionOrderer
{
    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var all = testCollections.ToList();
        var contract = all.Where(c => c.DisplayName == ContractCollection.Name).ToList();
        return _default.OrderTestCollections(all.Except(contract)).Concat(contract);
    }
}
