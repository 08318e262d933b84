namespace Newsroom.Webhooks;

public sealed record IntegrationArticle(Guid Id, string Slug, string Headline, string Desk, int Revision, string Path);
