using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// PostgreSQL cannot store U+0000 in text or jsonb: a value holding it fails the whole commit, and (ADR 0022)
/// used to leave the pooled connection out of step for the next request. One rule for every input path —
/// JSON bodies (whatever endpoint and parser reads them), plain-text bodies, form posts, query strings,
/// headers and the path — refuses such text with 400 <c>validation_failed</c> naming the field, before any endpoint runs.
/// </summary>
public static class StorableText
{
    public const string NulMessage = "The text contains the character U+0000 (NUL), which cannot be stored. Remove it.";
    public const string SurrogateMessage = "The text contains an unpaired surrogate escape (such as \\ud800), which is not Unicode text.";

    /// <summary>An input that cannot be stored, and why.</summary>
    public sealed record Unstorable(string Field, string Reason);

    public static WebApplication UseStorableTextOnly(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (await FindUnstorableAsync(http.Request) is { } unstorable)
            {
                await ProblemDetailsSetup.WriteAsync(http, Problem.Validation(unstorable.Field, unstorable.Reason));
                return;
            }
            await next();
        });
        return app;
    }

    /// <summary>The first input that holds U+0000 (named as a JSON path such as <c>locations[0].name</c>), or null.</summary>
    public static async Task<Unstorable?> FindUnstorableAsync(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0') == true) return new("path", NulMessage);
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0')) return new("query", NulMessage);
            foreach (var value in values)
                if (value?.Contains('\0') == true) return new(name, NulMessage);
        }
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                if (value?.Contains('\0') == true) return new(name, NulMessage);

        var kind = BodyKind(request);
        if (kind == Body.None) return null;
        if (kind == Body.Form)
        {
            // The desk's forms: read once here, kept by ASP.NET for the page that binds them.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (name, values) in form)
                foreach (var value in values)
                    if (value?.Contains('\0') == true) return new(name, NulMessage);
            return null;
        }

        // Buffered so the endpoint reads the same bytes again; the body limit (1 MiB) bounds what is held.
        request.EnableBuffering();
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and <= ProblemDetailsSetup.MaxRequestBodyBytes
            ? (int)request.ContentLength.Value : 4096);
        int read;
        while ((read = await request.Body.ReadAsync(buffer.GetMemory(4096), request.HttpContext.RequestAborted)) > 0)
            buffer.Advance(read);
        request.Body.Position = 0;

        return kind == Body.Json ? FindInJson(buffer.WrittenSpan)
            : buffer.WrittenSpan.IndexOf((byte)0) >= 0 ? new("body", NulMessage) : null;
    }

    /// <summary>
    /// The first JSON string (value or property name) that decodes to text holding U+0000 or to an unpaired
    /// surrogate, or null. Otherwise unreadable JSON is left to the endpoint's own reader, which answers it.
    /// </summary>
    public static Unstorable? FindInJson(ReadOnlySpan<byte> json)
    {
        // In valid JSON both can only be written as escapes (\u0000, \ud800-\udfff): without one there is nothing to find.
        if (json.IndexOf("\\u0000"u8) < 0 && json.IndexOf("\\ud"u8) < 0 && json.IndexOf("\\uD"u8) < 0) return null;

        var path = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        NextElement(path);
                        path.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = TryRead(ref reader);
                        path[^1].Name = name ?? "?";
                        if (name is null) return new(Describe(path), SurrogateMessage);
                        if (name.Contains('\0')) return new(Describe(path), NulMessage);
                        break;
                    case JsonTokenType.String:
                        NextElement(path);
                        if (!reader.ValueIsEscaped) break;
                        var text = TryRead(ref reader);
                        if (text is null) return new(Describe(path), SurrogateMessage);
                        if (text.Contains('\0')) return new(Describe(path), NulMessage);
                        break;
                    default:
                        NextElement(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    // GetString refuses an escape that decodes to an unpaired surrogate: null then.
    private static string? TryRead(ref Utf8JsonReader reader)
    {
        try { return reader.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    private static void NextElement(List<Frame> path)
    {
        if (path.Count > 0 && path[^1].IsArray) path[^1].Index++;
    }

    // "locations[0].name", as the client wrote it; "body" for the document itself.
    private static string Describe(List<Frame> path)
    {
        var text = new StringBuilder();
        foreach (var frame in path)
        {
            if (frame.IsArray) text.Append('[').Append(frame.Index).Append(']');
            else if (frame.Name is { } name) text.Append(text.Length > 0 ? "." : "").Append(name);
        }
        return text.Length > 0 ? text.ToString() : "body";
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Name { get; set; }
    }

    private enum Body { None, Json, Text, Form }

    private static Body BodyKind(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method)
            || HttpMethods.IsOptions(request.Method))
            return Body.None;
        var type = request.ContentType;
        if (string.IsNullOrEmpty(type)) return Body.None;
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase)) return Body.Json;
        if (request.HasFormContentType) return Body.Form;
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? Body.Text : Body.None;
    }
}
