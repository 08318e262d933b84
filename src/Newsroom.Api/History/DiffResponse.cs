namespace Newsroom.History;

public sealed record DiffResponse(int From, int To, IReadOnlyList<FieldChange> Changes);
