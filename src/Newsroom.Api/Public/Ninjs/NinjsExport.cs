using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Newsroom.Public.Ninjs;

/// <summary>
/// Renders a published article as an IPTC ninjs 2.2 document. Every document produced here validates
/// against <see cref="NinjsSchema"/>: ninjs 2.2 forbids unknown properties, so nothing is added that the
/// schema does not define (there is no place for keywords or corrections as such; see the mapping below).
/// </summary>
public static partial class NinjsExport
{
    public const string StandardSchemaUri = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";

    // Subject "rel" values of our own, so an import of our output can tell the category from the tags.
    public const string CategoryRel = "category";
    public const string TagRel = "tag";
    public const string AuthorRel = "author";
    public const string SubheadRole = "subhead";
    public const string CorrectionRole = "correction";

    public static JsonObject ToNinjs(PublishedArticle article, Uri siteBase)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(siteBase);
        var site = WithTrailingSlash(siteBase);

        // The schema says uri identifies the news object and is not a link, so it is the article id,
        // which survives slug changes; the public page is given as a rendition instead.
        var doc = new JsonObject
        {
            ["uri"] = $"urn:uuid:{article.Id:D}",
            ["type"] = "text",
            ["representationtype"] = article.Withdrawn ? "partial" : "full",
            ["standard"] = new JsonObject
            {
                ["name"] = "ninjs",
                ["version"] = "2.2",
                ["schema"] = StandardSchemaUri,
            },
            ["version"] = article.PublicVersion.ToString(CultureInfo.InvariantCulture),
            // The ninjs object came into being at first publication; the draft's creation is when the content was.
            ["firstcreated"] = Timestamp(article.PublishedAt ?? article.CreatedAt),
            ["versioncreated"] = Timestamp(article.Withdrawn && article.WithdrawnAt is { } withdrawnAt
                ? withdrawnAt
                : article.UpdatedAt ?? article.PublishedAt ?? article.CreatedAt),
            ["contentcreated"] = Timestamp(article.CreatedAt),
            // ninjs 2.2 knows usable, withheld and canceled; canceled is the wire "kill" for a withdrawn item.
            ["pubstatus"] = article.Withdrawn ? "canceled" : "usable",
            ["language"] = string.IsNullOrWhiteSpace(article.Language) ? "en" : article.Language,
        };
        if (!string.IsNullOrEmpty(article.Slug)) doc["slugline"] = article.Slug;

        if (article.Withdrawn)
        {
            // A kill notice: the public page answers 410, so the withdrawn content is not handed out here either.
            doc["ednote"] = "This item has been withdrawn. Do not use it, and remove it wherever it has been published.";
            return doc;
        }

        // Our priority runs 1 (flash) to 6 (routine) in the same direction as IPTC urgency (1 to 9).
        doc["urgency"] = Math.Clamp(article.Priority, 1, 9);
        if (article.EmbargoUntil is { } embargo) doc["embargoed"] = Timestamp(embargo);

        var headlines = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = article.Headline });
        // ninjs 2.x spells a subheadline as a headline with a role; the standfirst is publishable text, not metadata.
        if (!string.IsNullOrWhiteSpace(article.Standfirst))
            headlines.Add(new JsonObject { ["role"] = SubheadRole, ["value"] = article.Standfirst });
        doc["headlines"] = headlines;

        if (!string.IsNullOrEmpty(article.Html))
        {
            var text = VisibleText(article.Html);
            doc["bodies"] = new JsonArray(new JsonObject
            {
                ["role"] = "main",
                ["contenttype"] = "text/html",
                ["charcount"] = new StringInfo(text).LengthInTextElements,
                ["wordcount"] = text.Length == 0 ? 0 : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
                ["value"] = article.Html,
            });
        }

        // Corrections have no property of their own in ninjs 2.2; descriptions with a role is the nearest fit.
        if (article.Corrections.Count > 0)
        {
            var descriptions = new JsonArray();
            foreach (var correction in article.Corrections.OrderBy(c => c.At))
                descriptions.Add(new JsonObject
                {
                    ["role"] = CorrectionRole,
                    ["contenttype"] = "text/plain",
                    ["value"] = correction.Note,
                });
            doc["descriptions"] = descriptions;
        }

        var byline = article.Byline.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        if (byline.Count > 0)
        {
            doc["by"] = JoinNames(byline);
            // "by" is free text; the people entries keep each name intact for machines (and for our import).
            doc["people"] = new JsonArray(byline
                .Select(name => (JsonNode)new JsonObject { ["name"] = name, ["rel"] = AuthorRel })
                .ToArray());
        }

        // ninjs 2.x dropped "keywords": category and tags both become subjects, told apart by rel.
        var subjects = new JsonArray();
        if (!string.IsNullOrWhiteSpace(article.Category))
            subjects.Add(new JsonObject { ["name"] = article.Category, ["rel"] = CategoryRel });
        foreach (var tag in article.Tags.Where(t => !string.IsNullOrWhiteSpace(t)))
            subjects.Add(new JsonObject
            {
                ["name"] = tag,
                ["rel"] = TagRel,
                ["uri"] = new Uri(site, "public/articles?tag=" + Uri.EscapeDataString(tag)).AbsoluteUri,
            });
        if (subjects.Count > 0) doc["subjects"] = subjects;

        if (article.Locations.Count > 0)
        {
            var places = new JsonArray();
            foreach (var location in article.Locations)
            {
                var place = new JsonObject { ["name"] = location.Name };
                // GeoJSON positions are [longitude, latitude], the other way round from how people say them.
                if (location is { Lat: { } lat, Lon: { } lon })
                    place["geojson"] = new JsonObject
                    {
                        ["type"] = "Point",
                        ["coordinates"] = new JsonArray(lon, lat),
                    };
                places.Add(place);
            }

            doc["places"] = places;
        }

        if (!string.IsNullOrEmpty(article.Slug))
            doc["renditions"] = new JsonArray(new JsonObject
            {
                ["name"] = "web",
                ["href"] = new Uri(site, "public/articles/" + Uri.EscapeDataString(article.Slug)).AbsoluteUri,
                ["contenttype"] = "text/html",
            });

        return doc;
    }

    /// <summary>ISO 8601 in UTC with a Z; fractions of a second only when there are any.</summary>
    public static string Timestamp(DateTimeOffset at) => Infrastructure.Iso8601.Utc(at);

    private static Uri WithTrailingSlash(Uri siteBase)
    {
        if (!siteBase.IsAbsoluteUri) throw new ArgumentException("The site base must be an absolute URI.", nameof(siteBase));
        // Without the slash, new Uri(base, "public/...") would replace the base's last path segment.
        return siteBase.AbsolutePath.EndsWith('/') ? siteBase : new Uri(siteBase.AbsoluteUri + "/");
    }

    /// <summary>"A", "A and B", "A, B and C": how a byline reads.</summary>
    private static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>
    /// The text a reader sees in our (already sanitized) HTML, whitespace collapsed. Figure captions are
    /// left out, as ninjs counts them out; block boundaries separate words, inline tags do not.
    /// </summary>
    private static string VisibleText(string html)
    {
        var text = NotCounted().Replace(html, " ");
        text = BlockTags().Replace(text, " ");
        text = AnyTag().Replace(text, "");
        return Whitespace().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex(@"<(figcaption|script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex NotCounted();

    [GeneratedRegex(@"</?(p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|figure|section|article|aside|header|footer)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
