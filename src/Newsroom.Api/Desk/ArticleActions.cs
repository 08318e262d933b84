using System.Reflection;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Articles.Spiking;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>What a person typed into an action's form.</summary>
public sealed record ActionInput(int Version, int? Revision, string? Reason, string? Comments, DateTimeOffset? PublishAt);

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

/// <summary>An action's view of one request: the article as loaded, who asks, when, and the services a command needs.</summary>
public sealed class ActionContext(Article article, ArticleCommands commands, IServiceProvider services)
{
    public Article Article => article;
    public CurrentUser User => commands.User;
    public DateTimeOffset Now { get; } = commands.Now;
    public IDocumentSession Session => commands.Session;
    public HttpContext Http => commands.Http;

    /// <summary>The command's shape validation (as the API runs it), then its endpoint, in Wolverine's outbox with this session.</summary>
    public async Task<IResult> RunAsync<T, TResult>(T command, Func<T, ArticleCommands, Task<TResult>> endpoint) where TResult : IResult
    {
        if (services.GetService<IValidator<T>>() is { } validator)
        {
            var validation = await RequestValidation.ValidateAsync(validator, command, Http);
            if (validation is not Wolverine.Http.WolverineContinue) return validation;
        }
        return await endpoint(command, commands);
    }
}

/// <summary>How an action stands for the viewer: offered, refused with the rule's own explanation, or not applicable.</summary>
public sealed record ActionState(ArticleAction Action, string? Refusal)
{
    public static async Task<IReadOnlyList<ActionState>> ForAsync(ActionContext context)
    {
        var states = new List<ActionState>();
        foreach (var action in ArticleAction.All.Where(a => a.AllowedFor(context.User)))
        {
            var decision = await action.DryRun(context);
            if (decision.Problem is null) states.Add(new ActionState(action, null));
            // A refusal that explains a rule (four eyes, embargo, slug taken, incomplete) is shown before the click;
            // one that only says the status does not allow it means the action does not apply now.
            else if (decision.Problem.Code != ErrorCodes.InvalidTransition) states.Add(new ActionState(action, decision.Problem.Detail));
        }
        return states;
    }

    /// <summary>The problem an executed action answered with, if it was refused.</summary>
    public static Problem? RefusalOf(IResult result) => result switch
    {
        INestedHttpResult nested => RefusalOf(nested.Result),
        ProblemResult problem => problem.Problem,
        ProblemHttpResult problem => new Problem(problem.StatusCode, problem.ProblemDetails.Extensions.TryGetValue("code", out var code) ? code?.ToString() ?? "" : "",
            problem.ProblemDetails.Detail ?? "Refused.", problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) ? errors as IReadOnlyDictionary<string, string[]> : null),
        _ => null
    };
}

/// <summary>Whether the edit screen is offered: the roles of the endpoint that would save (revise, or correct once published) and its decider on a trial change.</summary>
public static class EditAction
{
    private static readonly EndpointRoles ReviseRoles = EndpointRoles.Of(typeof(Articles.Drafting.ReviseArticleEndpoint), "Patch");
    private static readonly EndpointRoles CorrectRoles = EndpointRoles.Of(typeof(CorrectArticleEndpoint), "Post");

    public static bool AllowedFor(CurrentUser user, Article article, DateTimeOffset now)
    {
        var trial = new ContentChanges(Headline: article.Content.Headline + " (edited)");
        return article.Status == ArticleStatus.Published
            ? CorrectRoles.Admit(user) && CorrectArticleEndpoint.Decide(trial, "trial", article, user, now).Problem is null
            : ReviseRoles.Admit(user) && Articles.Drafting.ReviseArticleEndpoint.Decide(trial, article, user, now).Problem is null;
    }

}

/// <summary>Whether the comment form is offered: the comment endpoint's roles and its decider on a trial note.</summary>
public static class CommentAction
{
    private static readonly EndpointRoles Roles = EndpointRoles.Of(typeof(Articles.Comments.AddCommentEndpoint), "Post");

    public static bool AllowedFor(CurrentUser user, Article article, DateTimeOffset now) =>
        Roles.Admit(user)
        && Articles.Comments.AddCommentEndpoint.Decide(Guid.Empty, new Articles.Comments.AddComment("trial"), article, user, now).Problem is null;
}
