
namespace Newsroom.Infrastructure.Http;

/// <summary>
/// docs/api-guide.md lets the version travel in <c>If-Match</c> instead of the body, so a client may send
/// <c>POST /api/articles/{id}/publish</c> with that header and no body at all. Wolverine needs a JSON body
/// to bind the command, so a body-less command request under /api is read as <c>{}</c>: the command's
/// validator then says what, if anything, is missing, instead of a bare 415.
/// </summary>
public static class EmptyCommandBodies
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static WebApplication UseEmptyCommandBodiesAsEmptyObjects(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var bodyless = (request.ContentLength ?? 0) == 0 && !request.Headers.ContainsKey("Transfer-Encoding")
                && string.IsNullOrEmpty(request.ContentType);
            if (bodyless && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method))
                && request.Path.StartsWithSegments("/api"))
            {
                request.Body = new MemoryStream(EmptyObject);
                request.ContentLength = EmptyObject.Length;
                request.ContentType = "application/json";
            }
            await next();
        });
        return app;
    }
}
