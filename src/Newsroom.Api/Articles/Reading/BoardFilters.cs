using Newsroom.Infrastructure.Identity;

namespace Newsroom.Articles.Reading;

public sealed record BoardFilters(CurrentUser User, IReadOnlyList<ArticleStatus> Statuses, string Desk, string CreatedBy,
    string Reviewer, string Text, Cursor? After, int Take);
