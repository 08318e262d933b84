using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles.Reading;

/// <summary>A board page written from the cached item bytes: the same JSON as <c>Page&lt;ArticleResponse&gt;</c>.</summary>
public sealed class BoardPage(IReadOnlyList<byte[]> items, string? next) : IResult, IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Page<ArticleResponse>), ["application/json"]));

    public async Task ExecuteAsync(HttpContext http)
    {
        var buffer = new ArrayBufferWriter<byte>(items.Sum(i => i.Length) + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items) writer.WriteRawValue(item, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteString("next", next);
            writer.WriteEndObject();
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }
}
