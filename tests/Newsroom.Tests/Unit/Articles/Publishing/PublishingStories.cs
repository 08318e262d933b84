using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using static Newsroom.Tests.Unit.ArticleStories;

namespace Newsroom.Tests.Unit;

/// <summary>
/// The states after approval that <see cref="ArticleStories"/> does not build: scheduled, corrected and
/// withdrawn, again only through the real deciders.
/// </summary>
public static class PublishingStories
{
    public static readonly Guid FirstSchedule = Guid.Parse("0199a1d0-0000-7000-8000-000000005001");
    public static readonly Guid SecondSchedule = Guid.Parse("0199a1d0-0000-7000-8000-000000005002");

    /// <summary>When the scheduled articles publish themselves: two hours after <see cref="ArticleStories.Now"/>.</summary>
    public static readonly DateTimeOffset PublishAt = At(120);

    /// <summary>An approved article, scheduled by the publisher at minute 12 to publish at <paramref name="publishAt"/>.</summary>
    public static Article Scheduled(DateTimeOffset? publishAt = null, DateTimeOffset? embargoUntil = null)
    {
        var article = Approved(embargoUntil);
        return Take(article, ScheduleArticleEndpoint.Decide(new ScheduleArticle(article.Version, publishAt ?? PublishAt),
            FirstSchedule, article, slugTakenByAnother: false, People.Publisher, At(12)));
    }

    /// <summary>A published article with one correction to its body (revision 2).</summary>
    public static Article Corrected(string note = "An earlier version misnamed the engineer.")
    {
        var article = Published();
        return Take(article, CorrectArticleEndpoint.Decide(new ContentChanges(Body: Words(61)), note, article, People.Publisher, At(40)));
    }

    public static Article Withdrawn(string reason = "Legal complaint.")
    {
        var article = Published();
        return Take(article, WithdrawArticleEndpoint.Decide(new WithdrawArticle(article.Version, reason), article, People.Publisher, At(50)));
    }
}
