using System.Text;
using Newsroom.Public;

namespace Newsroom.Tests.Unit;

public class when_announcing_changed_public_pages
{
    [Fact]
    public void slugs_go_one_per_line_in_notifications_within_postgresqls_payload_limit()
    {
        var slugs = Enumerable.Range(0, 2_000).Select(i => $"a-rather-long-headline-about-the-council-budget-vote-{i}").ToList();

        var payloads = PublicPageInvalidation.Payloads(slugs).ToList();

        payloads.Count.ShouldBeGreaterThan(1);
        payloads.ShouldAllBe(p => Encoding.UTF8.GetByteCount(p) <= PublicPageInvalidation.MaxPayloadBytes);
        payloads.SelectMany(p => p.Split('\n')).ShouldBe(slugs);
        PublicPageInvalidation.Payloads(["only-one"]).ShouldBe(["only-one"]);
        PublicPageInvalidation.Payloads([]).ShouldBeEmpty();
    }
}
