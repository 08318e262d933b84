namespace Newsroom.History;

public sealed record BlameResponse(int Revision, IReadOnlyList<FieldBlame> Fields, IReadOnlyList<ParagraphBlame> Paragraphs);
