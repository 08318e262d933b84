using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Newsroom.Infrastructure.Tenancy;

namespace Newsroom.Tests.Unit.Infrastructure.Tenancy;

public class the_publications_configuration
{
    private static Publications From(params (string Key, string Value)[] settings) =>
        Publications.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static readonly Publications Two = From(
        ("Publications:daily:ConnectionString", "Host=a;Database=daily"), ("Publications:daily:Hosts:0", "daily.example"),
        ("Publications:daily:Hosts:1", "www.daily.example"), ("Publications:daily:Name", "The Daily"),
        ("Publications:sport:ConnectionString", "Host=b;Database=sport"), ("Publications:sport:Hosts:0", "sport.example"));

    private static ClaimsPrincipal Caller(string? publication) =>
        new(new ClaimsIdentity(publication is null ? [new Claim("sub", "alice")] : [new Claim("sub", "alice"), new Claim("publication", publication)], "test"));

    [Fact]
    public void is_empty_by_default_and_then_changes_nothing()
    {
        var none = From();
        none.Several.ShouldBeFalse();
        none.RefusalFor(Caller(null)).ShouldBeNull();
    }

    [Fact]
    public void finds_a_publication_by_any_of_its_hosts_in_any_letter_case()
    {
        Two.OfHost("daily.example").ShouldBe("daily");
        Two.OfHost("WWW.Daily.Example").ShouldBe("daily");
        Two.OfHost("sport.example").ShouldBe("sport");
        Two.OfHost("elsewhere.example").ShouldBeNull();
        Two.BaseUrlOf("daily").ShouldBe(new Uri("https://daily.example/"));
        Two.NameOf("daily").ShouldBe("The Daily");
        Two.NameOf("sport").ShouldBe("sport");
    }

    [Fact]
    public void takes_the_callers_publication_from_the_claim_and_refuses_a_missing_or_unknown_one()
    {
        Two.OfCaller(Caller("sport")).ShouldBe("sport");
        Two.RefusalFor(Caller(null))!.ShouldContain("names no publication");
        Two.RefusalFor(Caller("gazette"))!.ShouldContain("'gazette' is not served here");
        Two.RefusalFor(Caller("daily")).ShouldBeNull();
    }

    [Fact]
    public void with_one_publication_the_claim_and_the_host_may_be_left_out()
    {
        var one = From(("Publications:daily:ConnectionString", "Host=a;Database=daily"));
        one.OfCaller(Caller(null)).ShouldBe("daily");
        one.OfHost("anything.example").ShouldBe("daily");
        one.RefusalFor(Caller("sport")).ShouldNotBeNull();
    }

    [Fact]
    public void a_request_without_a_publication_is_401_when_signed_in_and_404_when_anonymous()
    {
        var signedIn = new DefaultHttpContext { User = Caller(null) };
        Should.Throw<PublicationUnknown>(() => Two.Of(signedIn)).Status.ShouldBe(401);
        var reader = new DefaultHttpContext();
        reader.Request.Host = new HostString("elsewhere.example");
        Should.Throw<PublicationUnknown>(() => Two.Of(reader)).Status.ShouldBe(404);
        reader.Request.Host = new HostString("sport.example", 443);
        Two.Of(reader).ShouldBe("sport");
    }

    [Theory]
    [InlineData("Publications:Daily:ConnectionString", "Host=a", "lower-case")]
    [InlineData("Publications:daily:Name", "The Daily", "ConnectionString is not set")]
    public void refuses_a_configuration_it_cannot_serve(string key, string value, string message) =>
        Should.Throw<InvalidOperationException>(() => From((key, value))).Message.ShouldContain(message);

    [Fact]
    public void refuses_one_host_for_two_publications() =>
        Should.Throw<InvalidOperationException>(() => From(
                ("Publications:a:ConnectionString", "Host=a"), ("Publications:a:Hosts:0", "news.example"),
                ("Publications:b:ConnectionString", "Host=b"), ("Publications:b:Hosts:0", "NEWS.example")))
            .Message.ShouldContain("two publications");
}
