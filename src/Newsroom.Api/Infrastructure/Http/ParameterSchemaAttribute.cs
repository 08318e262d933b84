namespace Newsroom.Infrastructure.Http;

/// <summary>
/// What a query or path parameter really is, for the OpenAPI document: endpoints read query values as strings so that a
/// bad one gets the contract's own 400 (keyed by the parameter), but the document types them for clients.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ParameterSchemaAttribute(string type) : Attribute
{
    public string Type { get; } = type;
    public string? Format { get; init; }
    public double Minimum { get; init; } = double.NaN;
    public double Maximum { get; init; } = double.NaN;
    public string[]? Enum { get; init; }
    public string? Example { get; init; }
    public string? Description { get; init; }
    public bool Required { get; init; }
}
