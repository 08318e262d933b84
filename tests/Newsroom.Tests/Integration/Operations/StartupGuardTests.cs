using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Tests.Integration;

/// <summary>Settings that must stop a Production service at start-up, with a message that says why.</summary>
public class production_start_up
{
    private static async Task<Exception> StartFails(params (string Key, string Value)[] settings)
    {
        JasperFxEnvironment.AutoStartHost = true;
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Production");
                foreach (var (key, value) in settings) builder.UseSetting(key, value);
            });
        });
        return failure;
    }

    private static string Messages(Exception e) =>
        string.Join(" | ", Enumerable.Repeat(e, 1).Concat(e is AggregateException a ? a.Flatten().InnerExceptions : [])
            .SelectMany(x => Chain(x)).Select(x => x.Message));

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    [Fact]
    public async Task refuses_to_start_without_a_signing_key() =>
        Messages(await StartFails()).ShouldContain("Auth__SigningKey must be configured in Production.");

    [Fact]
    public async Task refuses_to_start_with_the_development_signing_key_set_explicitly() =>
        Messages(await StartFails(("Auth:SigningKey", AuthOptions.DevelopmentSigningKey)))
            .ShouldContain("Auth__SigningKey is the development key");

    [Fact]
    public async Task refuses_to_start_with_a_trusted_proxy_that_is_not_an_address() =>
        Messages(await StartFails(("Auth:SigningKey", new string('k', 40)), ("ForwardedHeaders:KnownProxies:0", "proxy.internal")))
            .ShouldContain("ForwardedHeaders__KnownProxies__0 is not an IP address: 'proxy.internal'.");
}
