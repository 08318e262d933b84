namespace Newsroom.History;

/// <summary><c>op</c> is <c>equal</c>, <c>insert</c> or <c>delete</c>; concatenating equal+insert gives the new text, equal+delete the old.</summary>
public sealed record DiffPiece(string Op, string Text);
