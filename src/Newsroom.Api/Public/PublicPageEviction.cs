using Marten;
using Marten.Services;

namespace Newsroom.Public;

/// <summary>After the daemon commits changes to public pages, has every node drop its cached copies of them.</summary>
public sealed class PublicPageEviction(PublicPageInvalidation invalidation) : IChangeListener
{
    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) =>
        invalidation.PagesChangedAsync(commit.Updated.Concat(commit.Inserted).OfType<PublishedArticle>()
            .Where(page => page.EverPublished).Select(page => page.Slug).Distinct().ToList(), token);
}
