namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Endpoint metadata of pages people read (the reader's site): a problem on such an endpoint (an outage's 503, a
/// 429, an unknown publication's 404) is answered with a short page of the site instead of ProblemDetails JSON.
/// </summary>
public interface IHumanProblemPage
{
    /// <summary>Writes the page; false leaves the answer to ProblemDetails.</summary>
    Task<bool> TryWriteAsync(HttpContext http, Problem problem);
}
