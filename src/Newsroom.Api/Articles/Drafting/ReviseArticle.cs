using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Wolverine;
using Wolverine.Http;

namespace Newsroom.Articles.Drafting;

/// <summary>
/// PATCH: the version last seen plus the fields to change. An absent field is unchanged; "" clears a text
/// field, [] a list; <c>"embargoUntil": null</c> lifts the embargo (which is why that one setter records presence).
/// </summary>
public sealed class ReviseArticle : IContentFields
{
    private DateTimeOffset? _embargoUntil;

    public int? Version { get; init; }
    public string? Headline { get; init; }
    public string? Standfirst { get; init; }
    public string? Body { get; init; }
    public string? Desk { get; init; }
    public List<string>? Byline { get; init; }
    public List<string>? Tags { get; init; }
    public string? Category { get; init; }
    public List<GeoLocation>? Locations { get; init; }
    public string? Language { get; init; }
    public string? Slug { get; init; }
    public int? Priority { get; init; }

    public DateTimeOffset? EmbargoUntil
    {
        get => _embargoUntil;
        init { _embargoUntil = value; EmbargoUntilGiven = true; }
    }

    [JsonIgnore] public bool EmbargoUntilGiven { get; private init; }

    public ContentChanges ToChanges() => new(
        Headline?.Trim(), Standfirst, Body, Desk, Byline, Tags, Category, Locations, Language, Slug,
        EmbargoUntil?.ToUniversalTime(), ClearEmbargo: EmbargoUntilGiven && EmbargoUntil is null, Priority);

    public sealed class Validator : ContentFieldsValidator<ReviseArticle>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        }
    }
}

public static class ReviseArticleEndpoint
{
    [WolverinePatch("/api/articles/{id}", Name = "ReviseArticle")]
    [Authorize(Roles = Roles.Editors)]
    [Tags("Drafting")]
    [ProducesResponseType<ArticleResponse>(StatusCodes.Status200OK)]
    public static Task<IResult> Patch(Guid id, ReviseArticle command, IDocumentSession session, IMessageBus bus, HttpContext http, TimeProvider clock) =>
        ArticleCommands.ExecuteAsync(session, bus, http, clock, id, command.Version, DeskScope.OwnDesk,
            (article, user, now) => Decide(command.ToChanges(), article, user, now));

    /// <summary>
    /// Rules 3 and 6: editors revise pre-publication articles of their desks; a change after approval voids
    /// the approval (back to draft). Published articles change only through corrections.
    /// </summary>
    public static Decision Decide(ContentChanges requested, Article article, CurrentUser user, DateTimeOffset now)
    {
        if (ArticleRules.RequireStatus(article, "revise", ArticleStatus.Draft, ArticleStatus.InReview,
                ArticleStatus.ChangesRequested, ArticleStatus.Approved, ArticleStatus.Scheduled) is { } wrongStatus)
            return wrongStatus;

        var changes = requested.OnlyDifferencesFrom(article.Content);
        if (changes.IsEmpty)
            return Problem.Validation("fields", "The request changes nothing: send at least one field with a new value.");
        if (changes.Desk is { } newDesk && !user.WorksOn(newDesk))
            return Problem.Forbidden($"You cannot move an article to the '{newDesk}' desk: you do not work on it.");
        if (changes.Headline is "")
            return Problem.Validation("headline", "The headline cannot be blank.");

        var revision = article.Revision + 1;
        var revised = new ArticleRevised(article.Id, revision, changes, user.AsActor, now);
        return article.Status is ArticleStatus.Approved or ArticleStatus.Scheduled
            ? Decision.Accept(revised, new ApprovalVoided(article.Id, article.ApprovedRevision ?? article.Revision, revision, user.AsActor, now))
            : Decision.Accept(revised);
    }
}
