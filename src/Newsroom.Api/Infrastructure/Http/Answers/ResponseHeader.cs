namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>
/// Endpoint metadata: a header an answer carries. Typed results add it beside their status, and the OpenAPI
/// document lists it under that response (<see cref="OpenApiSetup"/>).
/// </summary>
public sealed record ResponseHeader(int Status, string Name, string Description, string Type = "string", string? Example = null)
{
    public const string ETagDescription = "The article's version as a strong entity tag, e.g. \"7\": send it back in If-Match.";
}
