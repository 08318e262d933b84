namespace Newsroom.Statistics;

/// <summary>
/// One measured duration, filed under the desk where it happened: inserted once, never updated, so the
/// desk document stays small however many articles the desk handles (ADR 0017).
/// </summary>
public sealed class DeskDuration
{
    public const string SubmissionToApproval = "submission_to_approval";
    public const string CreationToPublication = "creation_to_publication";

    /// <summary>The id of the event that ended the duration.</summary>
    public Guid Id { get; set; }
    public string Desk { get; set; } = "";
    public string Kind { get; set; } = "";
    public double Seconds { get; set; }
}
