using System.Text.Json;
using Newsroom.Articles;
using Newsroom.Infrastructure;

namespace Newsroom.Webhooks;

public sealed record IntegrationArticle(Guid Id, string Slug, string Headline, string Desk, int Revision, string Path);
