using Newsroom.Infrastructure.Http;

namespace Newsroom.Articles;

/// <summary>The expected version travels in the body (<c>version</c>) or in <c>If-Match: "7"</c>.</summary>
public readonly record struct ExpectedVersion(int? Version, Problem? Problem)
{
    public static ExpectedVersion Resolve(int? versionInBody, HttpRequest request)
    {
        if (versionInBody is { } v)
            return v >= 0 ? new(v, null) : new(null, Problem.Validation("version", "The version must be zero or more."));

        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return new(null, Problem.Validation("version",
                "Send the version you last saw, as \"version\" in the body or as an If-Match header."));

        var raw = ifMatch.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        return int.TryParse(raw.Trim('"'), out var fromHeader) && fromHeader >= 0
            ? new(fromHeader, null)
            : new(null, Problem.Validation("version", $"If-Match must be a version such as \"7\", not {ifMatch}."));
    }
}
