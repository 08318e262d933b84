using System.Text.Json;
using System.Text.Json.Serialization;

namespace Newsroom.Infrastructure.Http;

public static class JsonSetup
{
    /// <summary>The wire options, for the few places that serialize outside ASP.NET's pipeline (exports).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    /// <summary>The wire format: camelCase names, enums as snake_case strings (numbers refused), UTC ISO 8601 times.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = true;
    }

    /// <summary>Writes every time as UTC with a Z ("2026-07-27T09:00:00Z"); reads any ISO 8601 offset.</summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
                return value.ToUniversalTime();
            throw new JsonException("Expected an ISO 8601 time such as \"2026-07-27T09:00:00Z\".");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Iso8601.Utc(value));
    }
}
