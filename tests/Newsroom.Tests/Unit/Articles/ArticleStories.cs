using Newsroom.Articles;
using Newsroom.Articles.Drafting;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Articles.Spiking;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Tests.Unit;

/// <summary>The cast of the unit tests: plain values, as the token would describe them.</summary>
public static class People
{
    public static readonly CurrentUser Editor = User("erin", "Erin Editor", [Roles.Editor], ["world"]);
    public static readonly CurrentUser SecondEditor = User("sam", "Sam Second", [Roles.Editor], ["world", "politics"]);
    public static readonly CurrentUser Reviewer = User("rita", "Rita Reviewer", [Roles.Reviewer], ["world"]);
    public static readonly CurrentUser PoliticsReviewer = User("pete", "Pete Politics", [Roles.Reviewer], ["politics"]);
    public static readonly CurrentUser Publisher = User("paul", "Paul Publisher", [Roles.Publisher], []);
    public static readonly CurrentUser Auditor = User("aude", "Aude Auditor", [Roles.Auditor], []);
    public static readonly CurrentUser Admin = User("ada", "Ada Admin", [Roles.Admin], []);

    public static CurrentUser User(string id, string name, string[] roles, string[] desks) =>
        new(id, name, new HashSet<string>(roles), new HashSet<string>(desks));
}

/// <summary>
/// Articles in every reachable state, made the only way the service makes them: by folding the events the
/// real deciders emit. Each call builds a fresh article (Fold mutates the state it is given).
/// </summary>
public static class ArticleStories
{
    /// <summary>The fixed clock: the article is created at <see cref="Now"/>, each later step a few minutes on.</summary>
    public static readonly DateTimeOffset Now = new(2026, 7, 27, 9, 0, 0, TimeSpan.Zero);

    public static readonly Guid ArticleId = Guid.Parse("0199a1d0-0000-7000-8000-00000000abcd");

    public const string Headline = "Harbour bridge reopens after six months of repairs";

    public static DateTimeOffset At(int minutesAfterNow) => Now.AddMinutes(minutesAfterNow);

    /// <summary><paramref name="count"/> distinct words, e.g. "word1 word2 …".</summary>
    public static string Words(int count) => string.Join(" ", Enumerable.Range(1, count).Select(i => $"word{i}"));

    /// <summary>Headline and desk only: what the API needs to create, not what review needs.</summary>
    public static CreateArticle BareFields() => new(Headline, "world");

    /// <summary>Everything review needs: headline, desk, a byline and a 60-word body.</summary>
    public static CreateArticle CompleteFields(DateTimeOffset? embargoUntil = null) =>
        new(Headline, "world", Body: Words(60), Byline: ["Erin Editor"], EmbargoUntil: embargoUntil);

    public static Decision Create(CreateArticle fields, CurrentUser? by = null, DateTimeOffset? at = null) =>
        CreateArticleEndpoint.Decide(ArticleId, fields, Slugs.FromHeadline(fields.Headline!), "editor",
            by ?? People.Editor, at ?? Now);

    public static Article Created(CreateArticle fields, CurrentUser? by = null) => Take(null, Create(fields, by));

    public static Article Draft() => Created(BareFields());

    public static Article CompleteDraft(DateTimeOffset? embargoUntil = null) => Created(CompleteFields(embargoUntil));

    public static Article InReview(DateTimeOffset? embargoUntil = null)
    {
        var article = CompleteDraft(embargoUntil);
        return Take(article, SubmitForReviewEndpoint.Decide(new SubmitForReview(article.Version), article, People.Editor, At(5)));
    }

    public static Article ChangesRequested()
    {
        var article = InReview();
        return Take(article, RequestChangesEndpoint.Decide(
            new RequestChanges(article.Version, "Add a second source."), article, People.Reviewer, At(10)));
    }

    public static Article Approved(DateTimeOffset? embargoUntil = null)
    {
        var article = InReview(embargoUntil);
        return Take(article, ApproveRevisionEndpoint.Decide(
            new ApproveRevision(article.Version, article.Revision, "Good to go."), article, People.Reviewer, At(10)));
    }

    public static Article Published()
    {
        var article = Approved();
        return Take(article, PublishArticleEndpoint.Decide(article, slugTakenByAnother: false, People.Publisher.AsActor, At(15)));
    }

    public static Article Spiked() => SpikedFrom(CompleteDraft());

    public static Article SpikedFrom(Article article) =>
        Take(article, SpikeArticleEndpoint.Decide(new SpikeArticle(article.Version, "Could not be verified."), article,
            People.Editor, At(20)));

    /// <summary>A fresh article in <paramref name="status"/>, for the transition tables.</summary>
    public static Article In(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => CompleteDraft(),
        ArticleStatus.InReview => InReview(),
        ArticleStatus.ChangesRequested => ChangesRequested(),
        ArticleStatus.Approved => Approved(),
        ArticleStatus.Published => Published(),
        ArticleStatus.Spiked => Spiked(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not reachable through the deciders yet.")
    };

    /// <summary>Folds an accepted decision's events into the article; a refusal is a broken story.</summary>
    public static Article Take(Article? article, Decision decision)
    {
        if (decision.Problem is { } p)
            throw new InvalidOperationException($"The story was refused: {p.Code}: {p.Detail}");
        foreach (var e in decision.Events) article = Article.Fold(article, e);
        return article ?? throw new InvalidOperationException("The decision emitted no events.");
    }

    /// <summary>A revise decision for <paramref name="changes"/>, folded.</summary>
    public static Article Revised(Article article, ContentChanges changes, CurrentUser? by = null, int minute = 30) =>
        Take(article, ReviseArticleEndpoint.Decide(changes, article, by ?? People.Editor, At(minute)));
}

public static class DecisionAssertions
{
    /// <summary>The decision refused the command with this status and code, and wrote nothing.</summary>
    public static Problem ShouldBeRefused(this Decision decision, int status, string code)
    {
        decision.IsAccepted.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
        var problem = decision.Problem.ShouldNotBeNull();
        problem.Code.ShouldBe(code);
        problem.Status.ShouldBe(status);
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static Problem ShouldBeAnInvalidTransition(this Decision decision) =>
        decision.ShouldBeRefused(409, ErrorCodes.InvalidTransition);

    /// <summary>The decision accepted the command with exactly one event, of this type.</summary>
    public static T ShouldEmitOnly<T>(this Decision decision) where T : IArticleEvent
    {
        decision.Problem.ShouldBeNull();
        decision.Events.Count.ShouldBe(1);
        return decision.Events[0].ShouldBeOfType<T>();
    }
}
