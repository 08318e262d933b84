using Newsroom.Infrastructure.Http;

namespace Newsroom.Public.Reader;

/// <summary>The reader's site's answer to a problem the middleware or an outage raises: a short human page, noindex.</summary>
public sealed class ReaderProblemPage : IHumanProblemPage
{
    public static readonly ReaderProblemPage Instance = new();

    public async Task<bool> TryWriteAsync(HttpContext http, Problem problem)
    {
        var (title, message) = problem.Status switch
        {
            StatusCodes.Status503ServiceUnavailable => ("Temporarily unavailable", "This page cannot be shown right now. Please try again in a moment."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Please wait a moment before loading more pages."),
            StatusCodes.Status404NotFound => ("Page not found", problem.Detail),
            >= 500 => ("Something went wrong", "This page cannot be shown. Please try again later."),
            _ => ("This page cannot be shown", problem.Detail)
        };
        try
        {
            var site = http.RequestServices.GetRequiredService<PublicSite>();
            await ReaderLayout.Error(problem.Status, title, message, site, http).ExecuteAsync(http);
            return true;
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            return false;
        }
    }
}
