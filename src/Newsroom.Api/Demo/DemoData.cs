using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Articles.Spiking;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Tenancy;

namespace Newsroom.Demo;

/// <summary>
/// A handful of sample articles in different states, loaded at start-up when <c>Newsroom__DemoData=true</c>
/// (the run script sets it). They are made by the real deciders, so they obey the rules, and have fixed ids,
/// so loading twice changes nothing.
/// </summary>
public static class DemoData
{
    public static readonly CurrentUser Alice = new("alice", "Alice Editor", new HashSet<string> { Roles.Editor }, new HashSet<string> { "world", "politics" });
    public static readonly CurrentUser Rita = new("rita", "Rita Reviewer", new HashSet<string> { Roles.Reviewer }, new HashSet<string> { "world", "politics" });
    public static readonly CurrentUser Paul = new("paul", "Paul Publisher", new HashSet<string> { Roles.Publisher }, new HashSet<string>());
    public static readonly CurrentUser Aude = new("aude", "Aude Auditor", new HashSet<string> { Roles.Auditor }, new HashSet<string>());
    public static readonly CurrentUser Ada = new("ada", "Ada Admin", new HashSet<string> { Roles.Admin }, new HashSet<string> { "world", "politics" });

    public static IReadOnlyList<CurrentUser> Users => [Alice, Rita, Paul, Aude, Ada];

    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Newsroom:DemoData")) services.AddHostedService<DemoDataLoader>();
        return services;
    }

    private sealed record Sample(Guid Id, CreateArticle Draft, ArticleStatus Target);

    private const string Filler =
        "Reporters on the desk confirmed the details with two independent sources before filing, and the copy was checked " +
        "against the public record. Officials declined to comment further on the timetable, saying that a full statement " +
        "would follow once the figures had been reviewed by the relevant committee later this week.";

    private static readonly Sample[] Samples =
    [
        new(Guid.Parse("0199a1d0-0000-7000-8000-000000000001"),
            new CreateArticle("Harbour bridge reopens after six months of repairs", "world",
                Standfirst: "Commuters return to the crossing as engineers sign off the new deck.",
                Body: "The harbour bridge reopened to traffic on Monday morning after six months of repairs.\n\n" + Filler,
                Byline: ["Alice Editor"], Tags: ["transport", "infrastructure"], Category: "Local",
                Locations: [new GeoLocation("Harbour Bridge", 51.5, -0.12)]),
            ArticleStatus.Published),
        new(Guid.Parse("0199a1d0-0000-7000-8000-000000000002"),
            new CreateArticle("Parliament votes on the budget amendment", "politics",
                Standfirst: "The amendment needs a simple majority to pass.",
                Body: "Members of parliament will vote on the budget amendment this afternoon.\n\n" + Filler,
                Byline: ["Alice Editor"], Tags: ["budget"], Category: "Politics"),
            ArticleStatus.Approved),
        new(Guid.Parse("0199a1d0-0000-7000-8000-000000000003"),
            new CreateArticle("Drought tightens its grip on southern farms", "world",
                Body: "Farmers in the south report the driest spring in forty years.\n\n" + Filler,
                Byline: ["Alice Editor"], Tags: ["climate", "agriculture"]),
            ArticleStatus.InReview),
        new(Guid.Parse("0199a1d0-0000-7000-8000-000000000004"),
            new CreateArticle("Lý Hồng Trung leads delegation to regional summit", "world",
                Body: "Vice Chairman Lý Hồng Trung will lead the delegation to the regional summit next month.\n\n" + Filler,
                Byline: ["Alice Editor"], Tags: ["diplomacy"]),
            ArticleStatus.ChangesRequested),
        new(Guid.Parse("0199a1d0-0000-7000-8000-000000000005"),
            new CreateArticle("Election night: live coverage plan", "politics",
                Standfirst: "Internal draft, body still to come.", Tags: ["elections"]),
            ArticleStatus.Draft),
        new(Guid.Parse("0199a1d0-0000-7000-8000-000000000006"),
            new CreateArticle("Celebrity rumour we decided not to run", "world",
                Body: "Unverified claims circulating online.", Byline: ["Alice Editor"]),
            ArticleStatus.Spiked)
    ];

    /// <summary>Loads the samples that are not there yet. Returns how many it created.</summary>
    /// <param name="publication">With several publications, whose database (each gets the samples).</param>
    public static async Task<int> LoadAsync(IDocumentStore store, DateTimeOffset now, CancellationToken ct, string? publication = null)
    {
        var created = 0;
        foreach (var sample in Samples)
        {
            await using var session = store.LightweightSession(Publications.TenantOf(publication));
            if (await session.Events.FetchStreamStateAsync(sample.Id, ct) is not null) continue;

            var events = Story(sample, now).ToList();
            session.Events.StartStream<Article>(sample.Id, events.Cast<object>().ToArray());
            await session.SaveChangesAsync(ct);
            created++;
        }
        return created;
    }

    // Walks the sample through the real deciders to its target state.
    private static IEnumerable<IArticleEvent> Story(Sample sample, DateTimeOffset now)
    {
        var at = now.AddHours(-3);
        var events = new List<IArticleEvent>();
        Article? article = null;

        void Take(Decision decision)
        {
            if (decision.Problem is { } p) throw new InvalidOperationException($"Demo sample refused: {p.Code}: {p.Detail}");
            foreach (var e in decision.Events) { article = Article.Fold(article, e); events.Add(e); }
            at = at.AddMinutes(7);
        }

        Take(CreateArticleEndpoint.Decide(sample.Id, sample.Draft, Slugs.FromHeadline(sample.Draft.Headline!), "demo", Alice, at));
        switch (sample.Target)
        {
            case ArticleStatus.Spiked:
                Take(SpikeArticleEndpoint.Decide(new SpikeArticle(article!.Version, "Could not be verified."), article, Alice, at));
                break;
            case ArticleStatus.InReview or ArticleStatus.ChangesRequested or ArticleStatus.Approved or ArticleStatus.Published:
                Take(SubmitForReviewEndpoint.Decide(new SubmitForReview(article!.Version), article, Alice, at));
                if (sample.Target == ArticleStatus.InReview) break;
                if (sample.Target == ArticleStatus.ChangesRequested)
                {
                    Take(RequestChangesEndpoint.Decide(new RequestChanges(article.Version, "Please add a second source."), article, Rita, at));
                    break;
                }
                Take(ApproveRevisionEndpoint.Decide(new ApproveRevision(article.Version, article.Revision), article, Rita, at));
                if (sample.Target == ArticleStatus.Published)
                    Take(PublishArticleEndpoint.Decide(article, slugTakenByAnother: false, Paul.AsActor, at));
                break;
        }
        return events;
    }

    private sealed class DemoDataLoader(IDocumentStore store, TimeProvider clock, AuthOptions auth, Publications publications,
        IHostEnvironment environment, ILogger<DemoDataLoader> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            var targets = publications.Tenants;
            foreach (var publication in targets)
            {
                var created = await LoadAsync(store, clock.GetUtcNow(), ct, publication);
                logger.LogInformation("Demo data{Publication}: {Created} sample article(s) created, {Existing} already there",
                    publication is null ? "" : $" of {publication}", created, Samples.Length - created);
            }

            if (environment.IsProduction()) return;
            Console.WriteLine();
            Console.WriteLine("Development tokens (valid 12 hours; send as 'Authorization: Bearer <token>'):");
            foreach (var publication in targets)
            {
                if (publication is not null) Console.WriteLine($" {publication}:");
                foreach (var user in Users)
                {
                    var token = TokenIssuer.Issue(auth, false, user.Id, user.Name, user.Roles, user.Desks, publication: publication);
                    Console.WriteLine($"  {string.Join(",", user.Roles),-10} {user.Id,-6} {token}");
                }
            }
            Console.WriteLine();
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
