namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>Endpoint metadata: an optional request header the endpoint reads, listed as a parameter in the OpenAPI document.</summary>
public sealed record RequestHeader(string Name, string Description, string? Example = null);
