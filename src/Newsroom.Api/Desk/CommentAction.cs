using Newsroom.Articles;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>Whether the comment form is offered: the comment endpoint's roles and its decider on a trial note.</summary>
public static class CommentAction
{
    private static readonly EndpointRoles Roles = EndpointRoles.Of(typeof(Articles.Comments.AddCommentEndpoint), "Post");

    public static bool AllowedFor(CurrentUser user, Article article, DateTimeOffset now) =>
        Roles.Admit(user)
        && Articles.Comments.AddCommentEndpoint.Decide(Guid.Empty, new Articles.Comments.AddComment("trial"), article, user, now).Problem is null;
}
