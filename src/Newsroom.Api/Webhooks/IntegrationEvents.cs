using Newsroom.Articles;
using Newsroom.Infrastructure;

namespace Newsroom.Webhooks;

public static class IntegrationEvents
{
    /// <summary>
    /// The integration events that a decision's domain events mean, computed from the state before them.
    /// The event id is derived from the article id and the event's stream version, so it is the same on
    /// every retry and subscribers can deduplicate on it.
    /// </summary>
    public static IReadOnlyList<ArticleIntegrationEvent> For(Article before, IReadOnlyList<IArticleEvent> events)
    {
        var result = new List<ArticleIntegrationEvent>();
        if (!events.Any(e => e is ArticlePublished or ArticleCorrected or ArticleWithdrawn)) return result;
        var state = Article.Copy(before);
        foreach (var e in events)
        {
            state = Article.Fold(state, e);
            var (type, note, reason) = e switch
            {
                ArticlePublished => (ArticleIntegrationEvent.Published, null, null),
                ArticleCorrected c => (ArticleIntegrationEvent.Corrected, c.Note, null),
                ArticleWithdrawn w => (ArticleIntegrationEvent.Withdrawn, (string?)null, w.Reason),
                _ => ((string?)null, (string?)null, (string?)null)
            };
            if (type is null) continue;

            var article = new IntegrationArticle(state.Id, state.Slug, state.Content.Headline, state.Desk, state.Revision,
                $"/public/articles/{state.Slug}");
            result.Add(new ArticleIntegrationEvent(StableGuid.From($"{state.Id}:{state.Version}"), type, e.At, article, note, reason));
        }
        return result;
    }

}
