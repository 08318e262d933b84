using Newsroom.Infrastructure.Identity;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Wolverine.Http;

namespace Newsroom.Integrity;

public static class VerifyArticleEndpoint
{
    /// <summary>Checks the article's hash chain and names the first broken link.</summary>
    [WolverineGet("/api/articles/{id}/verify", Name = "VerifyArticle")]
    [Authorize(Roles = Roles.Auditors)]
    [Tags("Audit")]
    public static async Task<Results<Ok<VerificationResult>, NotFoundProblem>> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var state = await session.Events.FetchStreamStateAsync(id, http.RequestAborted);
        if (state is null) return new NotFoundProblem(Problem.NotFound());
        http.Response.Headers.ETag = ArticleHttp.ETag((int)state.Version);
        return TypedResults.Ok(await ChainVerifier.VerifyAsync(session, id, http.RequestAborted));
    }
}

/// <summary><c>dotnet run --project src/Newsroom.Api -- verify</c>: checks every article stream; exit code 1 if any link is broken.</summary>
public static class VerifyCommand
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "verify";

    /// <summary>With several publications every publication's database is checked, each reported on its own.</summary>
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var publications = services.GetRequiredService<Infrastructure.Tenancy.Publications>();
        var tenants = publications.Tenants;
        var failed = 0;
        foreach (var tenant in tenants)
        {
            await using var session = store.QuerySession(Infrastructure.Tenancy.Publications.TenantOf(tenant));
            var prefix = tenant is null ? "" : $"{tenant}: ";
            // Every stream the event store knows, not only those with an article view row.
            var streams = (await session.QueryAsync<Guid>($"select id from {Infrastructure.Persistence.MartenSetup.Schema}.mt_streams")).ToList();
            var broken = 0;
            var events = 0;
            foreach (var id in streams.OrderBy(i => i))
            {
                var result = await ChainVerifier.VerifyAsync(session, id, CancellationToken.None);
                events += result.Events;
                if (result.Valid) continue;
                broken++;
                Console.WriteLine($"{prefix}BROKEN article {id} at version {result.FirstBrokenVersion}: {result.Detail}");
            }
            Console.WriteLine(broken == 0
                ? $"{prefix}OK: {streams.Count} article streams, {events} events, every chain intact."
                : $"{prefix}FAILED: {broken} of {streams.Count} article streams have a broken chain.");
            if (broken > 0) failed++;
        }
        return failed == 0 ? 0 : 1;
    }
}
