namespace Newsroom.Bench;

/// <summary>One statement as the service sent it: its SQL, its parameters as PostgreSQL's text input, their type oids.</summary>
public sealed record WireStatement(string Sql, IReadOnlyList<string?> Parameters, IReadOnlyList<uint> Types, bool Simple);
