using Microsoft.AspNetCore.Mvc;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// A refusal: status, stable code and a sentence for humans. Deciders return these (they never throw for
/// business rules); the HTTP layer turns them into RFC 9457 ProblemDetails.
/// </summary>
public sealed record Problem(int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Problem Validation(string field, string message) =>
        new(400, ErrorCodes.ValidationFailed, "The request is not valid.", new Dictionary<string, string[]> { [field] = [message] });

    public static Problem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, ErrorCodes.ValidationFailed, "The request is not valid: see errors.", errors);

    public static Problem Forbidden(string detail) => new(403, ErrorCodes.Forbidden, detail);
    public static Problem NotFound(string detail = "No such article.") => new(404, ErrorCodes.NotFound, detail);
    public static Problem VersionConflict(int expected, int actual) => new(409, ErrorCodes.VersionConflict,
        $"The article is at version {actual}, not {expected}: reload it and apply your change again.");
    public static Problem InvalidTransition(string detail) => new(409, ErrorCodes.InvalidTransition, detail);

    public ProblemDetails ToProblemDetails(string? instance = null)
    {
        var details = new ProblemDetails
        {
            Type = $"https://newsroom.example/problems/{Code.Replace('_', '-')}",
            Title = TitleFor(Code),
            Status = Status,
            Detail = Detail,
            Instance = instance
        };
        details.Extensions["code"] = Code;
        if (Errors is { Count: > 0 }) details.Extensions["errors"] = Errors;
        return details;
    }

    public IResult ToResult(HttpContext? http = null) =>
        TypedResults.Problem(ToProblemDetails(http?.Request.Path.Value));

    public static string TitleFor(string code) => code switch
    {
        ErrorCodes.ValidationFailed => "The request is not valid",
        ErrorCodes.Unauthenticated => "Authentication required",
        ErrorCodes.Forbidden => "Not allowed",
        ErrorCodes.FourEyes => "Four-eyes rule",
        ErrorCodes.NotFound => "Not found",
        ErrorCodes.VersionConflict => "Version conflict",
        ErrorCodes.InvalidTransition => "Not allowed in this status",
        ErrorCodes.Incomplete => "Not ready for review",
        ErrorCodes.RevisionMismatch => "Revision mismatch",
        ErrorCodes.EmbargoActive => "Embargo active",
        ErrorCodes.SlugTaken => "Slug taken",
        ErrorCodes.Withdrawn => "Withdrawn",
        ErrorCodes.PayloadTooLarge => "Payload too large",
        ErrorCodes.RateLimited => "Too many requests",
        ErrorCodes.MethodNotAllowed => "Method not allowed",
        ErrorCodes.UnsupportedMediaType => "Unsupported media type",
        ErrorCodes.NotAcceptable => "Not acceptable",
        ErrorCodes.Unavailable => "Service unavailable",
        _ => "Server error"
    };
}
