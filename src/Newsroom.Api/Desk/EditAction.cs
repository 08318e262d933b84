using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

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
