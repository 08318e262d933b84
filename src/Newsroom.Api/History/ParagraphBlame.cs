using Newsroom.Articles;

namespace Newsroom.History;

public sealed record ParagraphBlame(int Index, string Text, int Revision, Actor By, DateTimeOffset At, CoveringApproval? Approval);
