namespace Newsroom.Bench;

/// <summary>
/// What one connection sent before it waited for an answer: one round trip (Npgsql sends a batch, and the pool
/// reset or BEGIN it prepends, in one write and then reads).
/// </summary>
public sealed record RoundTrip(int Connection, long SentAt, List<WireStatement> Statements);
