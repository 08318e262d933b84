using System.Net;
using Microsoft.Extensions.Configuration;
using Newsroom.Infrastructure.Http;

namespace Newsroom.Tests.Unit;

public class when_reading_the_trusted_proxies
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void nothing_configured_trusts_no_one_not_even_loopback() =>
        ForwardedHeadersSetup.FromConfiguration(Settings()).ShouldBeNull();

    [Fact]
    public void only_the_configured_addresses_and_networks_are_trusted()
    {
        var options = ForwardedHeadersSetup.FromConfiguration(Settings(
            ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"),
            ("ForwardedHeaders:KnownProxies:1", "2001:db8::5"),
            ("ForwardedHeaders:KnownIPNetworks:0", "172.16.0.0/12")))!;

        options.KnownProxies.ShouldBe([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("2001:db8::5")]);
        options.KnownIPNetworks.ShouldBe([System.Net.IPNetwork.Parse("172.16.0.0/12")]);
        options.ForwardLimit.ShouldBe(1);
    }

    [Fact]
    public void a_comma_separated_list_works_too() =>
        ForwardedHeadersSetup.FromConfiguration(Settings(("ForwardedHeaders:KnownProxies", "10.0.0.5, 10.0.0.6")))!
            .KnownProxies.ShouldBe([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")]);

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300", "ForwardedHeaders__KnownProxies__0 is not an IP address")]
    [InlineData("ForwardedHeaders:KnownIPNetworks:0", "10.0.0.0/33", "ForwardedHeaders__KnownIPNetworks__0 is not a CIDR range")]
    [InlineData("ForwardedHeaders:KnownIPNetworks:0", "10.0.0.5", "ForwardedHeaders__KnownIPNetworks__0 is not a CIDR range")]
    public void a_malformed_entry_is_refused_by_name(string key, string value, string message) =>
        Should.Throw<InvalidOperationException>(() => ForwardedHeadersSetup.FromConfiguration(Settings((key, value))))
            .Message.ShouldStartWith(message);

    [Fact]
    public void a_forward_limit_below_one_is_refused() =>
        Should.Throw<InvalidOperationException>(() => ForwardedHeadersSetup.FromConfiguration(Settings(
            ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"), ("ForwardedHeaders:ForwardLimit", "0"))));
}

public class when_keying_an_anonymous_caller
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void ipv4_is_per_address_and_ipv6_per_64_network(string address, string key) =>
        RateLimiting.AddressKey(IPAddress.Parse(address)).ShouldBe(key);

    [Fact]
    public void no_address_is_one_unknown_caller() => RateLimiting.AddressKey(null).ShouldBe("unknown");
}
