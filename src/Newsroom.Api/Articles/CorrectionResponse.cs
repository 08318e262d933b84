namespace Newsroom.Articles;

public sealed record CorrectionResponse(string Note, DateTimeOffset At, string By, int Revision);
