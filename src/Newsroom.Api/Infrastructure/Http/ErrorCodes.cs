namespace Newsroom.Infrastructure.Http;

/// <summary>The stable <c>code</c> values of the error table in docs/api-guide.md. Clients switch on these, so they never change.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string FourEyes = "four_eyes";
    public const string NotFound = "not_found";
    public const string VersionConflict = "version_conflict";
    public const string InvalidTransition = "invalid_transition";
    public const string Incomplete = "incomplete";
    public const string RevisionMismatch = "revision_mismatch";
    public const string EmbargoActive = "embargo_active";
    public const string SlugTaken = "slug_taken";
    public const string Withdrawn = "withdrawn";
    public const string PayloadTooLarge = "payload_too_large";
    public const string RateLimited = "rate_limited";
    /// <summary>503: the database cannot be reached right now (with Retry-After); also /health/ready when not ready.</summary>
    public const string Unavailable = "unavailable";

    // Not in the contract's table, used for the framework-level answers the contract also wants as ProblemDetails.
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string NotAcceptable = "not_acceptable";
    public const string InternalError = "internal_error";

    /// <summary>The code a bare status gets when nothing more specific was said.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => ValidationFailed,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => NotAcceptable,
        409 => VersionConflict,
        410 => Withdrawn,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Unavailable,
        _ when status >= 500 => InternalError,
        _ => "error"
    };
}
