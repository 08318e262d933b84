using Newsroom.Articles;

namespace Newsroom.History;

public sealed record CoveringApproval(Actor Reviewer, int Revision, DateTimeOffset At);
