using Marten;

namespace Newsroom.Articles;

public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    /// <summary>
    /// Every event of the request carries the caller's correlation id, or the request's trace id when the
    /// caller sent none or one that is not up to 128 printable ASCII characters (it is echoed in a header,
    /// where control characters cannot go).
    /// </summary>
    public static void Stamp(IDocumentSession session, HttpContext http)
    {
        var supplied = http.Request.Headers[Header].ToString();
        session.CorrelationId = !string.IsNullOrWhiteSpace(supplied) && supplied.Length <= 128 && supplied.All(c => c is >= ' ' and <= '~')
            ? supplied
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.Headers[Header] = session.CorrelationId;
    }
}
