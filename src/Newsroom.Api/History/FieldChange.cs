using System.Text.Json;

namespace Newsroom.History;

/// <summary>One changed field: its values before and after, and for text fields a word-level diff.</summary>
public sealed record FieldChange(string Field, JsonElement Before, JsonElement After, IReadOnlyList<DiffPiece>? Words);
