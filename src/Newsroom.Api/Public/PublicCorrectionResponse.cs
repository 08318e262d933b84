namespace Newsroom.Public;

public sealed record PublicCorrectionResponse(string Note, DateTimeOffset At);
