using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>
/// Test-only: the outermost middleware of a test host (a startup filter wraps the whole pipeline, so answers of
/// authentication, rate limiting, problem details and the exception handler are seen as a client sees them).
/// Records each answer to a request that matched an endpoint in <see cref="ObservedAnswers"/>. The body is
/// teed, not held back: it still streams to the client as written, and a copy of up to <see cref="Cap"/> bytes
/// is kept for JSON answers. Requests that matched no endpoint (404 for an unknown route) are not answers of an
/// operation and are not recorded.
/// </summary>
public sealed class AnswerRecorder : IStartupFilter
{
    public const int Cap = 512 * 1024;

    /// <summary>Adds the recorder to a host the tests start.</summary>
    public static void Install(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, AnswerRecorder>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(RecordAsync);
        next(app);
    };

    private static async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var originalFeature = context.Features.Get<IHttpResponseBodyFeature>()!;
        var tee = new TeeStream(originalFeature.Stream, context);
        var teed = new StreamResponseBodyFeature(tee, originalFeature);
        context.Features.Set<IHttpResponseBodyFeature>(teed);
        try
        {
            await next(context);
            // What was written through Response.BodyWriter may still sit in the teed pipe: push it through.
            await teed.CompleteAsync();
        }
        finally
        {
            context.Features.Set(originalFeature);
            Record(context, tee);
        }
    }

    private static void Record(HttpContext context, TeeStream tee)
    {
        // The exception handler clears the endpoint before it writes its 500; it keeps it in its feature.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        // A body of the wrong content type is refused by routing itself (its "415 HTTP Unsupported Media Type"
        // endpoint has no route): it is still the answer of the operation whose template and method match.
        if (endpoint is not RouteEndpoint && context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            endpoint = MatchingRoute(context);
        if (endpoint is not RouteEndpoint route || route.RoutePattern.RawText is not { } raw) return;
        // Endpoints excluded from the description, and the desk's Razor Pages (HTML screens, which ApiExplorer never
        // describes), are not operations of the document; everything else is, or should be (health, say).
        var described = endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
            && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null;
        var contentType = context.Response.ContentType;
        var answer = new ObservedAnswer(context.Request.Method.ToUpperInvariant(), ObservedAnswers.DocumentPath(raw), raw, described,
            context.Response.StatusCode, contentType, null, tee.Written, tee.Written > Cap);
        if (answer.IsJson && tee.Written > 0 && tee.Written <= Cap)
            answer = answer with { Body = Encoding.UTF8.GetString(tee.Copy.GetBuffer(), 0, (int)tee.Copy.Length) };
        ObservedAnswers.Add(answer);
    }

    private static RouteEndpoint? MatchingRoute(HttpContext context) =>
        (context.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? [])
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) == true)
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()).TryMatch(context.Request.Path, new RouteValueDictionary()))
            .OrderBy(e => e.RoutePattern.Parameters.Count)
            .FirstOrDefault();

    /// <summary>Writes through to the response and keeps a copy of the first <see cref="Cap"/> bytes of a JSON answer.</summary>
    private sealed class TeeStream(Stream inner, HttpContext context) : Stream
    {
        public MemoryStream Copy { get; } = new();
        public long Written { get; private set; }

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            Written += buffer.Length;
            // Server-sent events and other streams are never JSON: nothing to keep.
            if (Copy.Length + buffer.Length <= Cap && IsJson(context.Response.ContentType)) Copy.Write(buffer);
        }

        private static bool IsJson(string? contentType) =>
            contentType is not null && contentType.Split(';')[0].Trim() is var m
            && (m.Equals("application/json", StringComparison.OrdinalIgnoreCase) || m.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

        public override void Write(byte[] buffer, int offset, int count) { Keep(buffer.AsSpan(offset, count)); inner.Write(buffer, offset, count); }
        public override void Write(ReadOnlySpan<byte> buffer) { Keep(buffer); inner.Write(buffer); }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) { Keep(buffer.AsSpan(offset, count)); return inner.WriteAsync(buffer, offset, count, ct); }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Keep(buffer.Span); return inner.WriteAsync(buffer, ct); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
