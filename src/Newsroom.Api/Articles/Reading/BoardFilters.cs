using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Reading;

public sealed record BoardFilters(CurrentUser User, IReadOnlyList<ArticleStatus> Statuses, string Desk, string CreatedBy,
    string Reviewer, string Text, Cursor? After, int Take);
