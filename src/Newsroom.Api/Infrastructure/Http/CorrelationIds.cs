namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Every answer carries <c>X-Correlation-Id</c>: the caller's, or the request's trace id when the caller sent none
/// or one that is not up to 128 printable ASCII characters (it is echoed in a header, where control characters
/// cannot go). Commands record the same id on the events they append.
/// </summary>
public static class CorrelationIds
{
    public const string Header = "X-Correlation-Id";
    private static readonly object Key = new();

    public static string Of(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known) && known is string id) return id;
        var supplied = http.Request.Headers[Header].ToString();
        id = !string.IsNullOrWhiteSpace(supplied) && supplied.Length <= 128 && supplied.All(c => c is >= ' ' and <= '~')
            ? supplied
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Items[Key] = id;
        return id;
    }

    /// <summary>The tag on the request's span, and the name of the log scope every line of the request carries.</summary>
    public const string TagName = "newsroom.correlation_id";

    public static WebApplication UseCorrelationIds(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Newsroom.Requests");
        app.Use(async (http, next) =>
        {
            var id = Of(http);
            System.Diagnostics.Activity.Current?.SetTag(TagName, id);
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            // Scopes are shared by every logger: each line logged while handling the request names the id.
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
                await next(http);
        });
        return app;
    }
}
