namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// Role names as they appear in the token's <c>role</c> claim, and the role sets each endpoint allows
/// (for <c>[Authorize(Roles = ...)]</c>). Admin holds every role, so it is in every set.
/// </summary>
public static class Roles
{
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";
    public const string Publisher = "publisher";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly string[] All = [Editor, Reviewer, Publisher, Auditor, Admin];

    public const string Editors = "editor,admin";
    public const string Reviewers = "reviewer,admin";
    public const string Publishers = "publisher,admin";
    public const string Auditors = "auditor,admin";
    public const string EditorsAndReviewersAndPublishers = "editor,reviewer,publisher,admin";
    public const string AnyRole = "editor,reviewer,publisher,auditor,admin";
}
