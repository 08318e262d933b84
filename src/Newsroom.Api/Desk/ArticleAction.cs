using System.Reflection;
using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Articles.Spiking;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>
/// The article actions the desk offers, each wired to the API's own endpoint, validator and decider, so the
/// desk restates no rule. Whether a button shows is asked of the same code: the endpoint's roles, then the
/// decider run on the article as it is now (a dry run: nothing is written).
/// </summary>
public sealed record ArticleAction(
    string Name,
    MethodInfo Endpoint,
    Func<ActionContext, Task<Decision>> DryRun,
    Func<ActionContext, ActionInput, Task<IResult>> Execute)
{
    private readonly EndpointRoles _roles = EndpointRoles.Of(Endpoint);

    public bool AllowedFor(CurrentUser user) => _roles.Admit(user);

    public static readonly IReadOnlyList<ArticleAction> All =
    [
        new("Submit for review", Method(typeof(SubmitForReviewEndpoint)),
            c => Task.FromResult(SubmitForReviewEndpoint.Decide(new SubmitForReview(c.Article.Version), c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new SubmitForReview(input.Version), (cmd, commands) => SubmitForReviewEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Approve", Method(typeof(ApproveRevisionEndpoint)),
            c => Task.FromResult(ApproveRevisionEndpoint.Decide(new ApproveRevision(c.Article.Version, c.Article.Revision), c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new ApproveRevision(input.Version, input.Revision), (cmd, commands) => ApproveRevisionEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Request changes", Method(typeof(RequestChangesEndpoint)),
            c => Task.FromResult(RequestChangesEndpoint.Decide(new RequestChanges(c.Article.Version, "-"), c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new RequestChanges(input.Version, input.Comments), (cmd, commands) => RequestChangesEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Publish", Method(typeof(PublishArticleEndpoint)),
            async c => PublishArticleEndpoint.Decide(c.Article, await LiveArticles.SlugTakenByAnotherAsync(c.Session, c.Article, c.Http.RequestAborted), c.User.AsActor, c.Now),
            (c, input) => c.RunAsync(new PublishArticle(input.Version), (cmd, commands) => PublishArticleEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Schedule", Method(typeof(ScheduleArticleEndpoint)),
            async c => ScheduleArticleEndpoint.Decide(new ScheduleArticle(c.Article.Version, c.Now.AddHours(1)), Guid.Empty, c.Article,
                await LiveArticles.SlugTakenByAnotherAsync(c.Session, c.Article, c.Http.RequestAborted), c.User, c.Now),
            (c, input) => c.RunAsync(new ScheduleArticle(input.Version, input.PublishAt), (cmd, commands) => ScheduleArticleEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Unschedule", Method(typeof(UnscheduleArticleEndpoint)),
            c => Task.FromResult(UnscheduleArticleEndpoint.Decide(c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new UnscheduleArticle(input.Version), (cmd, commands) => UnscheduleArticleEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Withdraw", Method(typeof(WithdrawArticleEndpoint)),
            c => Task.FromResult(WithdrawArticleEndpoint.Decide(new WithdrawArticle(c.Article.Version, "-"), c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new WithdrawArticle(input.Version, input.Reason), (cmd, commands) => WithdrawArticleEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Spike", Method(typeof(SpikeArticleEndpoint)),
            c => Task.FromResult(SpikeArticleEndpoint.Decide(new SpikeArticle(c.Article.Version), c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new SpikeArticle(input.Version, input.Reason), (cmd, commands) => SpikeArticleEndpoint.Post(c.Article.Id, cmd, commands))),
        new("Restore", Method(typeof(RestoreArticleEndpoint)),
            c => Task.FromResult(RestoreArticleEndpoint.Decide(c.Article, c.User, c.Now)),
            (c, input) => c.RunAsync(new RestoreArticle(input.Version), (cmd, commands) => RestoreArticleEndpoint.Post(c.Article.Id, cmd, commands))),
    ];

    public static ArticleAction? Named(string? name) => All.FirstOrDefault(a => a.Name == name);

    private static MethodInfo Method(Type endpoint) => endpoint.GetMethod("Post") ?? throw new InvalidOperationException($"{endpoint.Name} has no Post.");
}
