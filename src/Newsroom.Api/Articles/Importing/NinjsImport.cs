using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newsroom.Public.Ninjs;
using Newsroom.Public.Rendering;

namespace Newsroom.Articles.Importing;

/// <summary>What a ninjs document offers for a new draft. Absent values are null or empty lists.</summary>
public sealed record NinjsDraft(
    string? Headline,
    string? Standfirst,
    string? BodyHtml,
    List<string> Byline,
    List<string> Tags,
    string? Category,
    List<GeoLocation> Locations,
    string? Language,
    int? Priority,
    DateTimeOffset? EmbargoUntil);

/// <summary>
/// Reads wire copy in IPTC ninjs 2.2 into a <see cref="NinjsDraft"/>. The document must validate against
/// <see cref="NinjsSchema"/> first; after that nothing in it makes this throw. HTML bodies are sanitized.
/// Reads our own <see cref="NinjsExport"/> output back to the same fields.
/// </summary>
public static partial class NinjsImport
{
    public const string NoHeadline = "ninjs document has no headline";

    private static readonly HashSet<string> MainRoles = new(StringComparer.OrdinalIgnoreCase) { "main", "headline", "body" };

    private static readonly HashSet<string> StandfirstHeadlineRoles = new(StringComparer.OrdinalIgnoreCase)
        { NinjsExport.SubheadRole, "sub", "subheadline", "sub-headline", "subtitle", "standfirst", "deck", "dek", "strapline" };

    private static readonly HashSet<string> StandfirstDescriptionRoles = new(StringComparer.OrdinalIgnoreCase)
        { "summary", "standfirst", "abstract", "teaser", "lead", "lede", "intro", "subhead" };

    private static readonly HashSet<string> AuthorRels = new(StringComparer.OrdinalIgnoreCase)
        { NinjsExport.AuthorRel, "creator", "byline", "writer", "reporter", "contributor" };

    public static (NinjsDraft? Draft, IReadOnlyList<string> Errors) Parse(JsonNode? document)
    {
        var schemaErrors = NinjsSchema.Validate(document);
        if (schemaErrors.Count > 0) return (null, schemaErrors);

        // The schema guarantees an object with correctly typed properties; the rest is interpretation.
        var doc = document!.AsObject();
        var errors = new List<string>();

        // A kill notice says "stop using this item": turning it into a draft would invite exactly that.
        if (Text(doc["pubstatus"]) == "canceled")
            errors.Add("/pubstatus: ninjs document is canceled (a kill notice); there is nothing to import");

        var headlines = Objects(doc["headlines"]);
        var headlineItem = PickHeadline(headlines);
        var headline = headlineItem is null ? null : PlainText(headlineItem);
        if (headline is null) errors.Add(NoHeadline);

        DateTimeOffset? embargo = null;
        if (Text(doc["embargoed"]) is { } embargoed)
        {
            // An embargo is a promise to the source: never drop one silently because it is oddly written.
            if (DateTimeOffset.TryParse(embargoed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                embargo = at.ToUniversalTime();
            else
                errors.Add($"/embargoed: \"{embargoed}\" is not a date and time Newsroom can read");
        }

        if (errors.Count > 0) return (null, errors);

        var (category, tags) = SubjectsOf(Objects(doc["subjects"]));
        var draft = new NinjsDraft(
            Headline: headline,
            Standfirst: StandfirstOf(headlines, headlineItem, Objects(doc["descriptions"])),
            BodyHtml: BodyOf(Objects(doc["bodies"])),
            Byline: BylineOf(Objects(doc["people"]), Text(doc["by"])),
            Tags: tags,
            Category: category,
            Locations: PlacesOf(Objects(doc["places"])),
            Language: NonBlank(Text(doc["language"]))?.Trim(),
            Priority: Number(doc["urgency"]) is { } urgency ? (int)Math.Clamp(Math.Round(urgency), 1, 6) : null,
            EmbargoUntil: embargo);
        return (draft, []);
    }

    private static JsonObject? PickHeadline(IReadOnlyList<JsonObject> headlines) =>
        headlines.FirstOrDefault(h => MainRoles.Contains(Role(h) ?? "") && PlainText(h) is not null)
        ?? headlines.FirstOrDefault(h => !StandfirstHeadlineRoles.Contains(Role(h) ?? "") && PlainText(h) is not null)
        ?? headlines.FirstOrDefault(h => PlainText(h) is not null);

    private static string? StandfirstOf(IReadOnlyList<JsonObject> headlines, JsonObject? headline, IReadOnlyList<JsonObject> descriptions)
    {
        var sub = headlines.FirstOrDefault(h => h != headline && StandfirstHeadlineRoles.Contains(Role(h) ?? "") && PlainText(h) is not null);
        if (sub is not null) return PlainText(sub);

        var summary = descriptions.FirstOrDefault(d => StandfirstDescriptionRoles.Contains(Role(d) ?? "") && PlainText(d) is not null)
            // "For a simple description use an array with one object only containing the value property."
            ?? descriptions.FirstOrDefault(d => Role(d) is null && PlainText(d) is not null);
        return summary is null ? null : PlainText(summary);
    }

    private static string? BodyOf(IReadOnlyList<JsonObject> bodies)
    {
        var candidates = bodies
            .Select(b => (Body: b, Value: Text(b["value"]), Html: IsHtml(b), Main: Role(b) is null || MainRoles.Contains(Role(b)!)))
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToList();
        if (candidates.Count == 0) return null;

        var chosen = candidates.FirstOrDefault(c => c.Html && c.Main);
        if (chosen.Body is null) chosen = candidates.FirstOrDefault(c => c.Html);
        if (chosen.Body is null) chosen = candidates.FirstOrDefault(c => c.Main);
        if (chosen.Body is null) chosen = candidates[0];

        var html = chosen.Html ? chosen.Value! : Paragraphs(chosen.Value!);
        // Wire copy is untrusted markup; the same sanitizer as our own rendering decides what survives.
        var safe = ArticleHtml.Sanitize(html);
        return string.IsNullOrWhiteSpace(safe) ? null : safe.Trim();
    }

    private static List<string> BylineOf(IReadOnlyList<JsonObject> people, string? by)
    {
        var authors = people
            .Where(p => AuthorRels.Contains(LastPart(Text(p["rel"])) ?? ""))
            .Select(p => Clean(Text(p["name"])))
            .OfType<string>()
            .ToList();
        if (authors.Count > 0) return authors.Distinct(StringComparer.Ordinal).ToList();

        if (Clean(by) is not { } statement) return [];
        statement = ByPrefix().Replace(statement, "");
        return NameSeparators().Split(statement)
            .Select(Clean)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static (string? Category, List<string> Tags) SubjectsOf(IReadOnlyList<JsonObject> subjects)
    {
        var named = subjects
            .Select(s => (Name: Clean(Text(s["name"])), Rel: LastPart(Text(s["rel"]))))
            .Where(s => s.Name is not null)
            .ToList();

        // Our own export marks category and tags; anyone else's subjects are read as "first is the category".
        var ours = named.Any(s => s.Rel is NinjsExport.CategoryRel or NinjsExport.TagRel or "keyword");
        string? category;
        List<string?> tagNames;
        if (ours)
        {
            category = named.FirstOrDefault(s => s.Rel == NinjsExport.CategoryRel).Name;
            tagNames = named.Where(s => s.Rel is NinjsExport.TagRel or "keyword").Select(s => s.Name).ToList();
        }
        else
        {
            category = named.FirstOrDefault().Name;
            tagNames = named.Skip(1).Select(s => s.Name).ToList();
        }

        var tags = tagNames.OfType<string>()
            .Where(t => !string.Equals(t, category, StringComparison.OrdinalIgnoreCase) || ours)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (category, tags);
    }

    private static List<GeoLocation> PlacesOf(IReadOnlyList<JsonObject> places)
    {
        var locations = new List<GeoLocation>();
        foreach (var place in places)
        {
            if (Clean(Text(place["name"])) is not { } name) continue; // a bare uri or literal is no place name
            var point = PointOf(place["geojson"] as JsonObject);
            locations.Add(point is { } p ? new GeoLocation(name, p.Lat, p.Lon) : new GeoLocation(name));
        }

        return locations;
    }

    /// <summary>Latitude and longitude of a GeoJSON Point (or a Feature holding one); anything else has none.</summary>
    private static (double Lat, double Lon)? PointOf(JsonObject? geojson)
    {
        if (geojson is null) return null;
        if (Text(geojson["type"]) == "Feature") return PointOf(geojson["geometry"] as JsonObject);
        if (Text(geojson["type"]) != "Point" || geojson["coordinates"] is not JsonArray { Count: >= 2 } coordinates) return null;

        // GeoJSON order is [longitude, latitude]; out-of-range values mean a broken point, not a place to drop.
        if (Number(coordinates[0]) is not { } lon || Number(coordinates[1]) is not { } lat) return null;
        if (lat is < -90 or > 90 || lon is < -180 or > 180) return null;
        return (lat, lon);
    }

    /// <summary>Plain text as paragraphs: blank lines separate them, or single line breaks when there are no blank lines.</summary>
    private static string Paragraphs(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var blocks = BlankLine().IsMatch(normalized) ? BlankLine().Split(normalized) : normalized.Split('\n');
        var html = new StringBuilder();
        foreach (var block in blocks)
        {
            var paragraph = Whitespace().Replace(block, " ").Trim();
            if (paragraph.Length > 0) html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }

        return html.ToString();
    }

    private static string Encode(string text) => text
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>An item's value as one line of plain text (markup stripped when it is HTML), or null when blank.</summary>
    private static string? PlainText(JsonObject item)
    {
        var value = Text(item["value"]);
        if (value is null) return null;
        if (IsHtml(item)) value = WebUtility.HtmlDecode(AnyTag().Replace(value, " "));
        return Clean(value);
    }

    private static bool IsHtml(JsonObject item)
    {
        var contentType = Text(item["contenttype"])?.Split(';')[0].Trim().ToLowerInvariant();
        return contentType switch
        {
            "text/html" or "application/xhtml+xml" => true,
            null or "" => LooksLikeHtml().IsMatch(Text(item["value"]) ?? ""), // "up to the provider": guess from the text
            _ => false,
        };
    }

    private static string? Role(JsonObject item) => LastPart(Text(item["role"]));

    /// <summary>Roles and rels are often QCodes or URIs ("drol:summary", ".../rel/author"); the last part is what counts.</summary>
    private static string? LastPart(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var trimmed = code.Trim().TrimEnd('/');
        var cut = trimmed.LastIndexOfAny([':', '/', '#']);
        var part = cut >= 0 ? trimmed[(cut + 1)..] : trimmed;
        return part.Length == 0 ? null : part.ToLowerInvariant();
    }

    private static IReadOnlyList<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        // Via the JSON text: works the same for parsed documents and for nodes built in code from int or double.
        return double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
               && double.IsFinite(number)
            ? number
            : null;
    }

    private static string? Clean(string? text)
    {
        if (text is null) return null;
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>")]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"^by\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NameSeparators();
}
