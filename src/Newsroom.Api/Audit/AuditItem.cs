using System.Globalization;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Audit;

public sealed record AuditItem(long Seq, Guid ArticleId, int Version, string Type, Actor Actor, DateTimeOffset At, string Summary)
{
    public static AuditItem From(AuditEntry e) => new(e.Seq, e.ArticleId, e.Version, e.Type, e.Actor, e.At, e.Summary);
}
