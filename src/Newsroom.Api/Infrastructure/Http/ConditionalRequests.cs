namespace Newsroom.Infrastructure.Http;

public static class ConditionalRequests
{
    /// <summary>
    /// True when <c>If-None-Match</c> names the current entity tag (a list, <c>*</c>, or the weak
    /// <c>W/</c> form: RFC 9110 compares If-None-Match weakly), so the answer can be 304.
    /// </summary>
    public static bool ClientHas(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null &&
            v.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag));
}
