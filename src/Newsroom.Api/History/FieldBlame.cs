using Newsroom.Articles;

namespace Newsroom.History;

/// <summary>Who last changed a field, in which revision and when, and the approval that covers that text, if any.</summary>
public sealed record FieldBlame(string Field, int Revision, Actor By, DateTimeOffset At, CoveringApproval? Approval);
