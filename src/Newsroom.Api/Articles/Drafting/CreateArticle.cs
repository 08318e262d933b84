using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.Articles.Drafting;

/// <summary>A new draft. Headline and desk are required; everything else can come later.</summary>
public sealed record CreateArticle(
    string? Headline,
    string? Desk,
    string? Standfirst = null,
    string? Body = null,
    List<string>? Byline = null,
    List<string>? Tags = null,
    string? Category = null,
    List<GeoLocation>? Locations = null,
    string? Language = null,
    string? Slug = null,
    DateTimeOffset? EmbargoUntil = null,
    int? Priority = null) : IContentFields
{
    public sealed class Validator : ContentFieldsValidator<CreateArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Headline).NotEmpty();
            RuleFor(x => x.Desk).NotEmpty();
        }
    }
}

public static class CreateArticleEndpoint
{
    [WolverinePost("/api/articles", Name = "CreateArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    public static Task<Results<CreatedArticle, BadRequestProblem, ForbiddenProblem>> Post(CreateArticle command, ArticleCommands commands) =>
        commands.CreateAsync(command, source: "editor");

    /// <summary>Creation rules: the editor must work on the desk they create in.</summary>
    public static Decision Decide(Guid id, IContentFields fields, string slug, string source, CurrentUser user, DateTimeOffset now)
    {
        var desk = fields.Desk!;
        if (!user.WorksOn(desk)) return Problem.Forbidden($"You do not work on the '{desk}' desk.");

        var content = new ArticleContent(
            Headline: fields.Headline!.Trim(),
            Standfirst: fields.Standfirst,
            Body: fields.Body,
            Desk: desk,
            Byline: fields.Byline ?? [],
            Tags: fields.Tags ?? [],
            Category: fields.Category,
            Locations: fields.Locations ?? [],
            Language: fields.Language ?? ArticleContent.DefaultLanguage,
            Slug: slug,
            EmbargoUntil: fields.EmbargoUntil?.ToUniversalTime(),
            Priority: fields.Priority ?? ArticleContent.DefaultPriority);
        return Decision.Accept(new ArticleCreated(id, content, source, user.AsActor, now));
    }
}
