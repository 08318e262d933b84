using Newsroom.Articles.Importing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Newsroom.Articles;
using Newsroom.Public;
using Newsroom.Public.Ninjs;

namespace Newsroom.Tests.Unit;

/// <summary>
/// The IPTC schema file evaluated here with JsonSchema.Net, so the export
/// tests do not only trust <see cref="NinjsSchema"/> (its embedded copy, its GeoJSON stand-in, its
/// error filtering) to judge the export.
/// </summary>
internal static class IptcSchema
{
    /// <summary>The file the service embeds (one copy in the repository), linked into the test output as a fixture.</summary>
    public static readonly string Path = Fixtures.PathOf("ninjs-schema_2.2.json");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        // Only what our export writes: a Point, as [longitude, latitude] — so swapped coordinates fail too.
        JsonSchema.FromText("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://geojson.org/schema/GeoJSON.json",
              "type": "object",
              "required": ["type", "coordinates"],
              "additionalProperties": false,
              "properties": {
                "type": { "const": "Point" },
                "coordinates": {
                  "type": "array", "minItems": 2, "maxItems": 2,
                  "prefixItems": [
                    { "type": "number", "minimum": -180, "maximum": 180 },
                    { "type": "number", "minimum": -90, "maximum": 90 }
                  ]
                }
              }
            }
            """, build);
        return JsonSchema.FromText(File.ReadAllText(Path, Encoding.UTF8), build);
    });

    /// <summary>Every failing keyword, with formats asserted; empty when the document validates.</summary>
    public static List<string> Errors(JsonNode document)
    {
        var results = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(document),
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => $"{d.InstanceLocation} [{d.EvaluationPath}]: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no message)"];
    }
}

internal static class NinjsArticles
{
    public static readonly Uri Site = new("https://news.example.org/");
    public static readonly DateTimeOffset Created = new(2026, 7, 27, 9, 0, 0, TimeSpan.Zero);

    public static PublishedArticle Minimal() => new()
    {
        Id = Guid.Parse("0199a1d0-0000-7000-8000-00000000abcd"),
        EverPublished = true,
        Slug = "harbour-bridge-reopens",
        Headline = "Harbour bridge reopens",
        Html = "",
        Desk = "city",
        Language = "en",
        Priority = ArticleContent.DefaultPriority,
        Revision = 1,
        PublicVersion = 1,
        CreatedAt = Created,
        PublishedAt = Created.AddHours(2),
        UpdatedAt = Created.AddHours(2),
    };

    public static PublishedArticle Full() => new()
    {
        Id = Guid.Parse("0199a1d0-0000-7000-8000-0000000f0110"),
        EverPublished = true,
        Slug = "russian-defense-ministers-upcoming-visit",
        Headline = "Russian Defense Minister’s Upcoming Visit to North Korea",
        Standfirst = "A delegation will mark the 70th anniversary of the armistice",
        Body = "A delegation from Russia…",
        Html = "<h2>Delegation</h2><p>A delegation from <em>Russia</em>, led by the defense minister, will visit.</p><p>Talks &amp; a parade follow.</p>",
        Desk = "world",
        Byline = ["Alice Example", "Bob Smith, Jr."],
        Tags = ["korea", "russia", "defence & security"],
        Category = "World",
        Locations = [new GeoLocation("Pyongyang", 39.03, 125.75), new GeoLocation("Moscow", 55.7558, 37.6173), new GeoLocation("Korean Peninsula")],
        Language = "en-GB",
        Priority = 2,
        EmbargoUntil = new DateTimeOffset(2026, 7, 27, 11, 30, 0, TimeSpan.FromHours(2)),
        Revision = 3,
        PublicVersion = 1,
        CreatedAt = Created,
        PublishedAt = Created.AddHours(3),
        UpdatedAt = Created.AddHours(3),
    };

    public static PublishedArticle Corrected()
    {
        var article = Full();
        article.PublicVersion = 3;
        article.Revision = 5;
        article.UpdatedAt = Created.AddHours(6).AddMilliseconds(250);
        article.Corrections =
        [
            new PublicCorrection("An earlier version misspelt the minister's name.", Created.AddHours(4), 4),
            new PublicCorrection("The parade is on Thursday, not Wednesday.", Created.AddHours(6), 5),
        ];
        return article;
    }

    public static PublishedArticle Withdrawn()
    {
        var article = Full();
        article.Withdrawn = true;
        article.WithdrawnAt = Created.AddDays(1);
        return article;
    }

    public static PublishedArticle NonLatin() => new()
    {
        Id = Guid.Parse("0199a1d0-0000-7000-8000-00000000cafe"),
        EverPublished = true,
        Slug = "pyongyang-visit",
        Headline = "러시아 국방장관, 평양 방문 — «Визит» في بيونغ يانغ 🇰🇵",
        Standfirst = "정전협정 70주년 기념",
        Html = "<p>러시아 대표단이 평양을 방문한다.</p><p>Делегация прибудет в среду.</p>",
        Desk = "world",
        Byline = ["김민준", "Анна Петрова"],
        Tags = ["북한", "Россия", "كوريا"],
        Category = "국제",
        Locations = [new GeoLocation("평양", 39.03, 125.75)],
        Language = "ko",
        Priority = 3,
        Revision = 1,
        PublicVersion = 1,
        CreatedAt = Created,
        PublishedAt = Created.AddHours(1),
        UpdatedAt = Created.AddHours(1),
    };

    /// <summary>What a client of GET /public/articles/{slug}/ninjs receives: the document as JSON text, parsed again.</summary>
    public static JsonNode OverTheWire(JsonObject document) => JsonNode.Parse(document.ToJsonString())!;
}

public class when_loading_the_ninjs_schema
{
    // SHA-256 of IPTC's ninjs-schema_2.2.json as published (tests/Newsroom.Tests/Fixtures/README.md): the
    // repository keeps one copy, so an edit to it, or a different file, is noticed here.
    private const string IptcSha256 = "88c84fa87382c5a7a314fd44ab1041921c7cbac47ab9550bc4964b1fa30897e2";

    [Fact]
    public void the_embedded_schema_is_the_iptc_file_byte_for_byte()
    {
        using var stream = typeof(NinjsSchema).Assembly.GetManifestResourceStream(NinjsSchema.ResourceName);
        stream.ShouldNotBeNull();
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(embedded.ToArray())).ShouldBe(IptcSha256);
    }

    [Fact]
    public void the_schema_file_the_tests_evaluate_with_is_the_same_iptc_file() =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(IptcSchema.Path))).ShouldBe(IptcSha256);

    [Fact]
    public void it_is_built_once() => NinjsSchema.Schema.ShouldBeSameAs(NinjsSchema.Schema);
}

public class when_exporting_a_minimal_article_as_ninjs
{
    private readonly JsonObject _ninjs = NinjsExport.ToNinjs(NinjsArticles.Minimal(), NinjsArticles.Site);

    [Fact]
    public void it_validates_against_the_iptc_schema()
    {
        NinjsSchema.Validate(_ninjs, assertFormats: true).ShouldBeEmpty();
        IptcSchema.Errors(_ninjs).ShouldBeEmpty();
    }

    [Fact]
    public void it_is_identified_by_the_article_id_not_its_address() =>
        _ninjs["uri"]!.GetValue<string>().ShouldBe("urn:uuid:0199a1d0-0000-7000-8000-00000000abcd");

    [Fact]
    public void it_is_a_usable_text_item_at_its_public_version()
    {
        _ninjs["type"]!.GetValue<string>().ShouldBe("text");
        _ninjs["pubstatus"]!.GetValue<string>().ShouldBe("usable");
        _ninjs["version"]!.GetValue<string>().ShouldBe("1");
        _ninjs["versioncreated"]!.GetValue<string>().ShouldBe("2026-07-27T11:00:00Z");
        _ninjs["firstcreated"]!.GetValue<string>().ShouldBe("2026-07-27T11:00:00Z");
        _ninjs["contentcreated"]!.GetValue<string>().ShouldBe("2026-07-27T09:00:00Z");
    }

    [Fact]
    public void it_leaves_out_what_the_article_does_not_have()
    {
        _ninjs.ContainsKey("bodies").ShouldBeFalse();
        _ninjs.ContainsKey("by").ShouldBeFalse();
        _ninjs.ContainsKey("subjects").ShouldBeFalse();
        _ninjs.ContainsKey("places").ShouldBeFalse();
        _ninjs.ContainsKey("embargoed").ShouldBeFalse();
        _ninjs["headlines"]!.AsArray().Count.ShouldBe(1);
    }
}

public class when_exporting_a_full_article_as_ninjs
{
    private readonly JsonObject _ninjs = NinjsExport.ToNinjs(NinjsArticles.Full(), NinjsArticles.Site);

    [Fact]
    public void it_validates_against_the_iptc_schema()
    {
        NinjsSchema.Validate(_ninjs, assertFormats: true).ShouldBeEmpty();
        IptcSchema.Errors(_ninjs).ShouldBeEmpty();
    }

    [Fact]
    public void the_headline_is_main_and_the_standfirst_a_subhead()
    {
        var headlines = _ninjs["headlines"]!.AsArray();
        headlines[0]!["role"]!.GetValue<string>().ShouldBe("main");
        headlines[0]!["value"]!.GetValue<string>().ShouldBe("Russian Defense Minister’s Upcoming Visit to North Korea");
        headlines[1]!["role"]!.GetValue<string>().ShouldBe("subhead");
        headlines[1]!["value"]!.GetValue<string>().ShouldBe("A delegation will mark the 70th anniversary of the armistice");
    }

    [Fact]
    public void the_body_is_the_sanitized_html_with_its_counts()
    {
        var body = _ninjs["bodies"]!.AsArray().Single()!;
        body["contenttype"]!.GetValue<string>().ShouldBe("text/html");
        body["value"]!.GetValue<string>().ShouldBe(NinjsArticles.Full().Html);
        // "Delegation A delegation from Russia, led by the defense minister, will visit. Talks & a parade follow."
        body["wordcount"]!.GetValue<int>().ShouldBe(17);
        body["charcount"]!.GetValue<int>().ShouldBe(102);
    }

    [Fact]
    public void the_byline_reads_naturally_and_keeps_each_name_as_an_author()
    {
        _ninjs["by"]!.GetValue<string>().ShouldBe("Alice Example and Bob Smith, Jr.");
        _ninjs["people"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["rel"]!.GetValue<string>()))
            .ShouldBe([("Alice Example", "author"), ("Bob Smith, Jr.", "author")]);
    }

    [Fact]
    public void the_category_and_tags_are_subjects()
    {
        var subjects = _ninjs["subjects"]!.AsArray();
        subjects.Select(s => (s!["name"]!.GetValue<string>(), s["rel"]!.GetValue<string>()))
            .ShouldBe([("World", "category"), ("korea", "tag"), ("russia", "tag"), ("defence & security", "tag")]);
        subjects[3]!["uri"]!.GetValue<string>().ShouldBe("https://news.example.org/public/articles?tag=defence%20%26%20security");
    }

    [Fact]
    public void places_carry_geojson_points_as_longitude_then_latitude()
    {
        var places = _ninjs["places"]!.AsArray();
        places[0]!["name"]!.GetValue<string>().ShouldBe("Pyongyang");
        places[0]!["geojson"]!["type"]!.GetValue<string>().ShouldBe("Point");
        places[0]!["geojson"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()).ShouldBe([125.75, 39.03]);
        places[2]!.AsObject().ContainsKey("geojson").ShouldBeFalse();
    }

    [Fact]
    public void urgency_embargo_language_and_the_public_page_are_given()
    {
        _ninjs["urgency"]!.GetValue<int>().ShouldBe(2);
        _ninjs["embargoed"]!.GetValue<string>().ShouldBe("2026-07-27T09:30:00Z");
        _ninjs["language"]!.GetValue<string>().ShouldBe("en-GB");
        _ninjs["slugline"]!.GetValue<string>().ShouldBe("russian-defense-ministers-upcoming-visit");
        _ninjs["renditions"]!.AsArray().Single()!["href"]!.GetValue<string>()
            .ShouldBe("https://news.example.org/public/articles/russian-defense-ministers-upcoming-visit");
    }

    [Fact]
    public void a_site_base_with_a_path_keeps_it()
    {
        var ninjs = NinjsExport.ToNinjs(NinjsArticles.Full(), new Uri("https://example.org/news"));
        ninjs["renditions"]![0]!["href"]!.GetValue<string>()
            .ShouldBe("https://example.org/news/public/articles/russian-defense-ministers-upcoming-visit");
    }
}

public class when_exporting_a_corrected_article_as_ninjs
{
    private readonly JsonObject _ninjs = NinjsExport.ToNinjs(NinjsArticles.Corrected(), NinjsArticles.Site);

    [Fact]
    public void it_validates_against_the_iptc_schema()
    {
        NinjsSchema.Validate(_ninjs, assertFormats: true).ShouldBeEmpty();
        IptcSchema.Errors(_ninjs).ShouldBeEmpty();
    }

    [Fact]
    public void the_corrections_are_descriptions_oldest_first() =>
        _ninjs["descriptions"]!.AsArray().Select(d => (d!["role"]!.GetValue<string>(), d["value"]!.GetValue<string>()))
            .ShouldBe([
                ("correction", "An earlier version misspelt the minister's name."),
                ("correction", "The parade is on Thursday, not Wednesday."),
            ]);

    [Fact]
    public void the_version_counts_the_corrections_and_dates_from_the_last()
    {
        _ninjs["version"]!.GetValue<string>().ShouldBe("3");
        _ninjs["versioncreated"]!.GetValue<string>().ShouldBe("2026-07-27T15:00:00.25Z");
        _ninjs["firstcreated"]!.GetValue<string>().ShouldBe("2026-07-27T12:00:00Z");
    }
}

public class when_exporting_a_withdrawn_article_as_ninjs
{
    private readonly JsonObject _ninjs = NinjsExport.ToNinjs(NinjsArticles.Withdrawn(), NinjsArticles.Site);

    [Fact]
    public void it_validates_against_the_iptc_schema()
    {
        NinjsSchema.Validate(_ninjs, assertFormats: true).ShouldBeEmpty();
        IptcSchema.Errors(_ninjs).ShouldBeEmpty();
    }

    [Fact]
    public void it_is_canceled_as_of_the_withdrawal()
    {
        _ninjs["pubstatus"]!.GetValue<string>().ShouldBe("canceled");
        _ninjs["versioncreated"]!.GetValue<string>().ShouldBe("2026-07-28T09:00:00Z");
        _ninjs["uri"]!.GetValue<string>().ShouldBe("urn:uuid:0199a1d0-0000-7000-8000-0000000f0110");
    }

    [Fact]
    public void it_no_longer_hands_out_the_content()
    {
        foreach (var content in new[] { "headlines", "bodies", "descriptions", "by", "people", "subjects", "places", "renditions" })
            _ninjs.ContainsKey(content).ShouldBeFalse(content);
        _ninjs.ToJsonString().ShouldNotContain("Pyongyang");
    }

    [Fact]
    public void importing_it_gives_no_draft()
    {
        var (draft, errors) = NinjsImport.Parse(NinjsArticles.OverTheWire(_ninjs));
        draft.ShouldBeNull();
        errors.ShouldContain(e => e.Contains("canceled"));
    }
}

public class when_exporting_an_article_in_non_latin_scripts_as_ninjs
{
    private readonly JsonObject _ninjs = NinjsExport.ToNinjs(NinjsArticles.NonLatin(), NinjsArticles.Site);

    [Fact]
    public void it_validates_against_the_iptc_schema()
    {
        NinjsSchema.Validate(_ninjs, assertFormats: true).ShouldBeEmpty();
        IptcSchema.Errors(_ninjs).ShouldBeEmpty();
    }

    [Fact]
    public void the_text_survives_serialization_unchanged()
    {
        var parsed = NinjsArticles.OverTheWire(_ninjs);
        parsed["headlines"]![0]!["value"]!.GetValue<string>().ShouldBe("러시아 국방장관, 평양 방문 — «Визит» في بيونغ يانغ 🇰🇵");
        parsed["by"]!.GetValue<string>().ShouldBe("김민준 and Анна Петрова");
        parsed["places"]![0]!["name"]!.GetValue<string>().ShouldBe("평양");
    }

    [Fact]
    public void tag_uris_are_percent_encoded_ascii() =>
        _ninjs["subjects"]!.AsArray().Skip(1).Select(s => s!["uri"]!.GetValue<string>()).ShouldAllBe(u => u.All(char.IsAscii));

    [Fact]
    public void words_are_counted_in_the_text_not_the_markup() =>
        _ninjs["bodies"]![0]!["wordcount"]!.GetValue<int>().ShouldBe(8);
}

public class when_round_tripping_an_article_through_ninjs
{
    private readonly PublishedArticle _article = NinjsArticles.Full();
    private readonly NinjsDraft _draft;

    public when_round_tripping_an_article_through_ninjs()
    {
        var (draft, errors) = NinjsImport.Parse(NinjsArticles.OverTheWire(NinjsExport.ToNinjs(_article, NinjsArticles.Site)));
        errors.ShouldBeEmpty();
        _draft = draft!;
    }

    [Fact]
    public void headline_and_standfirst_come_back()
    {
        _draft.Headline.ShouldBe(_article.Headline);
        _draft.Standfirst.ShouldBe(_article.Standfirst);
    }

    [Fact]
    public void byline_tags_and_category_come_back() // including a name with a comma in it
    {
        _draft.Byline.ShouldBe(_article.Byline);
        _draft.Tags.ShouldBe(_article.Tags);
        _draft.Category.ShouldBe(_article.Category);
    }

    [Fact]
    public void locations_come_back_with_their_coordinates() => _draft.Locations.ShouldBe(_article.Locations);

    [Fact]
    public void language_priority_and_embargo_come_back()
    {
        _draft.Language.ShouldBe("en-GB");
        _draft.Priority.ShouldBe(2);
        _draft.EmbargoUntil.ShouldBe(_article.EmbargoUntil);
        _draft.EmbargoUntil!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void the_body_keeps_its_text_and_structure()
    {
        _draft.BodyHtml.ShouldNotBeNull();
        _draft.BodyHtml.ShouldContain("<h2>Delegation</h2>");
        _draft.BodyHtml.ShouldContain("<em>Russia</em>");
        _draft.BodyHtml.ShouldContain("Talks &amp; a parade follow.");
    }

    [Fact]
    public void non_latin_text_comes_back_too()
    {
        var article = NinjsArticles.NonLatin();
        var (draft, errors) = NinjsImport.Parse(NinjsArticles.OverTheWire(NinjsExport.ToNinjs(article, NinjsArticles.Site)));
        errors.ShouldBeEmpty();
        draft!.Headline.ShouldBe(article.Headline);
        draft.Standfirst.ShouldBe(article.Standfirst);
        draft.Byline.ShouldBe(article.Byline);
        draft.Tags.ShouldBe(article.Tags);
        draft.Category.ShouldBe("국제");
        draft.Locations.ShouldBe(article.Locations);
        draft.Language.ShouldBe("ko");
        draft.Priority.ShouldBe(3);
    }
}

public class when_importing_a_wire_story_in_ninjs
{
    // Written the way agencies send it: QCode roles, rel values of their own, an html body that
    // arrived with a script and an event handler, urgency on the 1–9 scale.
    private const string Wire = """
        {
          "uri": "tag:wire.example.com,2026:newsml_XYZ123456",
          "type": "text",
          "version": "2",
          "versioncreated": "2026-07-27T08:12:00Z",
          "firstcreated": "2026-07-27T07:55:00Z",
          "embargoed": "2026-07-27T12:00:00+02:00",
          "pubstatus": "usable",
          "urgency": 8,
          "language": "en-US",
          "copyrightnotice": "Copyright 2026 Wire Example. All rights reserved.",
          "slugline": "Korea-Russia",
          "by": "By JANE DOE and JOHN ROE",
          "located": "SEOUL, South Korea",
          "headlines": [
            { "role": "hlrole:short", "value": "Russia, N. Korea talks" },
            { "role": "main", "value": "Russian defense minister to visit Pyongyang for armistice anniversary" }
          ],
          "descriptions": [
            { "role": "drol:caption", "value": "Photo caption that is not a standfirst." },
            { "role": "drol:summary", "contenttype": "text/plain", "value": "Moscow sends a top-level delegation to North Korea's war anniversary." }
          ],
          "bodies": [
            { "role": "main", "contenttype": "text/plain", "value": "Plain fallback body." },
            {
              "role": "main",
              "contenttype": "text/html; charset=utf-8",
              "charcount": 120,
              "wordcount": 20,
              "value": "<p onclick=\"steal()\">SEOUL (Wire) — Russia's defense minister will visit North Korea.</p><script>alert('owned')</script><p>Officials confirmed the <a href=\"javascript:alert(1)\">trip</a> on Thursday.</p><img src=x onerror=\"alert(2)\">"
            }
          ],
          "subjects": [
            { "name": "International news", "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000", "rel": "irel:about" },
            { "name": "Diplomacy", "literal": "diplomacy" },
            { "name": "Military", "rel": "irel:about", "relevance": 80, "confidence": 90 },
            { "literal": "a4c3", "uri": "http://wire.example.com/subject/a4c3" }
          ],
          "people": [
            { "name": "Sergei Shoigu", "rel": "about", "uri": "http://www.wikidata.org/entity/Q318571" }
          ],
          "places": [
            { "name": "Pyongyang", "geojson": { "type": "Point", "coordinates": [125.7625, 39.0392] } },
            { "name": "Korean Peninsula", "geojson": { "type": "Polygon", "coordinates": [[[124, 33], [131, 33], [131, 43], [124, 43], [124, 33]]] } },
            { "name": "Seoul", "geojson": { "type": "Feature", "geometry": { "type": "Point", "coordinates": [126.978, 37.5665] }, "properties": null } },
            { "uri": "http://sws.geonames.org/1835841/" }
          ]
        }
        """;

    private readonly NinjsDraft _draft;

    public when_importing_a_wire_story_in_ninjs()
    {
        NinjsSchema.Validate(JsonNode.Parse(Wire)).ShouldBeEmpty();
        var (draft, errors) = NinjsImport.Parse(JsonNode.Parse(Wire));
        errors.ShouldBeEmpty();
        _draft = draft!;
    }

    [Fact]
    public void the_main_headline_wins_over_the_first()
    {
        _draft.Headline.ShouldBe("Russian defense minister to visit Pyongyang for armistice anniversary");
    }

    [Fact]
    public void the_summary_description_becomes_the_standfirst() =>
        _draft.Standfirst.ShouldBe("Moscow sends a top-level delegation to North Korea's war anniversary.");

    [Fact]
    public void the_html_body_is_preferred_and_sanitized()
    {
        var html = _draft.BodyHtml!;
        html.ShouldContain("Russia's defense minister will visit North Korea.");
        html.ShouldContain("Officials confirmed the");
        html.ShouldNotContain("Plain fallback body.");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("alert(");
        html.ShouldNotContain("onclick", Case.Insensitive);
        html.ShouldNotContain("onerror", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
    }

    [Fact]
    public void the_by_line_is_split_into_names() => _draft.Byline.ShouldBe(["JANE DOE", "JOHN ROE"]);

    [Fact]
    public void the_first_subject_is_the_category_and_the_rest_are_tags()
    {
        _draft.Category.ShouldBe("International news");
        _draft.Tags.ShouldBe(["Diplomacy", "Military"]);
    }

    [Fact]
    public void named_places_become_locations_with_point_coordinates() =>
        _draft.Locations.ShouldBe([
            new GeoLocation("Pyongyang", 39.0392, 125.7625),
            new GeoLocation("Korean Peninsula"),
            new GeoLocation("Seoul", 37.5665, 126.978),
        ]);

    [Fact]
    public void urgency_is_clamped_to_our_priorities_and_the_embargo_is_kept_in_utc()
    {
        _draft.Priority.ShouldBe(6);
        _draft.EmbargoUntil.ShouldBe(new DateTimeOffset(2026, 7, 27, 10, 0, 0, TimeSpan.Zero));
        _draft.EmbargoUntil!.Value.Offset.ShouldBe(TimeSpan.Zero);
        _draft.Language.ShouldBe("en-US");
    }
}

public class when_importing_wire_copy_with_only_a_plain_text_body
{
    private readonly NinjsDraft _draft = NinjsImport.Parse(JsonNode.Parse("""
        {
          "uri": "renditions-example",
          "headlines": [ { "value": "Profits <b>rise</b>" } ],
          "bodies": [ { "contenttype": "text/plain", "value": "Profits rose <5% & more.\nAnalysts said \"fine\".\n\nA second paragraph." } ],
          "urgency": 0.4
        }
        """)).Draft!;

    [Fact]
    public void the_text_becomes_encoded_paragraphs() =>
        _draft.BodyHtml.ShouldBe("<p>Profits rose &lt;5% &amp; more. Analysts said \"fine\".</p><p>A second paragraph.</p>");

    [Fact]
    public void a_headline_without_a_content_type_that_looks_like_html_is_read_as_text() =>
        _draft.Headline.ShouldBe("Profits rise");

    [Fact]
    public void an_urgency_below_one_is_the_top_priority() => _draft.Priority.ShouldBe(1);

    [Fact]
    public void a_uri_that_is_no_absolute_uri_is_still_accepted_as_the_schema_only_annotates_formats()
    {
        var document = JsonNode.Parse("""{ "uri": "renditions-example", "headlines": [ { "value": "x" } ] }""");
        NinjsSchema.Validate(document).ShouldBeEmpty();
        NinjsSchema.Validate(document, assertFormats: true).ShouldContain("/uri: Value does not match format \"uri\"");
    }
}

public class when_importing_invalid_ninjs
{
    private static (NinjsDraft? Draft, IReadOnlyList<string> Errors) Import(string json) => NinjsImport.Parse(JsonNode.Parse(json));

    [Fact]
    public void wrong_types_are_named_by_location()
    {
        var (draft, errors) = Import("""{ "uri": "urn:x", "headlines": "Big news", "urgency": "high", "places": [ { "name": 5 } ] }""");
        draft.ShouldBeNull();
        errors.ShouldContain("/headlines: Value is \"string\" but should be \"array\"");
        errors.ShouldContain("/urgency: Value is \"string\" but should be \"number\"");
        errors.ShouldContain("/places/0/name: Value is \"integer\" but should be \"string\"");
    }

    [Fact]
    public void valid_properties_are_not_reported_as_unknown_when_something_else_fails()
    {
        var (_, errors) = Import("""{ "uri": "urn:x", "language": "en", "headlines": "Big news" }""");
        errors.ShouldBe(["/headlines: Value is \"string\" but should be \"array\""]);
    }

    [Fact]
    public void missing_required_properties_are_reported()
    {
        var (draft, errors) = Import("""{ "headlines": [ { "role": "main" } ] }""");
        draft.ShouldBeNull();
        errors.ShouldContain("/: Required properties [\"uri\"] are not present");
        errors.ShouldContain("/headlines/0: Required properties [\"value\"] are not present");
    }

    [Fact]
    public void properties_ninjs_2_2_does_not_define_are_rejected()
    {
        // ninjs 1.x spelling: headline, body_html and keywords are gone in 2.x.
        var (draft, errors) = Import("""{ "uri": "urn:x", "headline": "Old style", "body_html": "<p>x</p>", "keywords": ["a"] }""");
        draft.ShouldBeNull();
        errors.ShouldBe([
            "/headline: Property \"headline\" is not defined by ninjs 2.2",
            "/body_html: Property \"body_html\" is not defined by ninjs 2.2",
            "/keywords: Property \"keywords\" is not defined by ninjs 2.2",
        ], ignoreOrder: true);
    }

    [Fact]
    public void an_unknown_pubstatus_lists_the_allowed_ones()
    {
        var (draft, errors) = Import("""{ "uri": "urn:x", "pubstatus": "withdrawn", "headlines": [ { "value": "x" } ] }""");
        draft.ShouldBeNull();
        errors.ShouldBe(["/pubstatus: Value should match one of the values specified by the enum (\"usable\", \"withheld\", \"canceled\")"]);
    }

    [Fact]
    public void rights_with_both_linked_and_encoded_rights_fail_the_one_of()
    {
        var (draft, errors) = Import("""{ "uri": "urn:x", "rightsinfo": { "linkedrights": "http://a.example/r", "encodedrights": "{}" } }""");
        draft.ShouldBeNull();
        errors.ShouldBe(["/rightsinfo: Value matches 2 of the 2 oneOf alternatives, but exactly one must match"]);
    }

    [Fact]
    public void a_broken_geojson_geometry_is_rejected()
    {
        var (draft, errors) = Import("""{ "uri": "urn:x", "headlines": [ { "value": "x" } ], "places": [ { "name": "Nowhere", "geojson": { "type": "Point", "coordinates": [1] } } ] }""");
        draft.ShouldBeNull();
        errors.ShouldNotBeEmpty();
        errors.ShouldAllBe(e => e.StartsWith("/places/0/geojson"));
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"just a string\"", "string")]
    [InlineData("42", "integer")]
    [InlineData("null", "null")]
    public void a_document_that_is_not_an_object_is_rejected(string json, string kind)
    {
        var (draft, errors) = Import(json);
        draft.ShouldBeNull();
        errors.ShouldBe([$"/: Value is \"{kind}\" but should be \"object\""]);
    }

    [Fact]
    public void no_document_at_all_is_rejected()
    {
        var (draft, errors) = NinjsImport.Parse(null);
        draft.ShouldBeNull();
        errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void a_valid_document_without_a_headline_is_refused()
    {
        var (draft, errors) = Import("""{ "uri": "urn:x", "headlines": [ { "role": "main", "value": "   " } ], "bodies": [ { "value": "Text" } ] }""");
        draft.ShouldBeNull();
        errors.ShouldBe([NinjsImport.NoHeadline]);
    }

    [Fact]
    public void an_embargo_that_cannot_be_read_is_not_dropped_silently()
    {
        // "format" only annotates, so the schema lets this through; the embargo must not vanish.
        var (draft, errors) = Import("""{ "uri": "urn:x", "headlines": [ { "value": "x" } ], "embargoed": "next Tuesday" }""");
        draft.ShouldBeNull();
        errors.ShouldBe(["/embargoed: \"next Tuesday\" is not a date and time Newsroom can read"]);
    }
}

public class when_the_independent_schema_check_sees_a_broken_export
{
    private static JsonObject Export() => NinjsExport.ToNinjs(NinjsArticles.Full(), NinjsArticles.Site);

    [Fact]
    public void it_rejects_a_property_ninjs_2_2_does_not_define()
    {
        var ninjs = Export();
        ninjs["keywords"] = new JsonArray("korea");
        IptcSchema.Errors(ninjs).ShouldNotBeEmpty();
        NinjsSchema.Validate(ninjs).ShouldBe(["/keywords: Property \"keywords\" is not defined by ninjs 2.2"]);
    }

    [Fact]
    public void it_rejects_coordinates_given_latitude_first()
    {
        var ninjs = Export();
        ninjs["places"]![0]!["geojson"]!["coordinates"] = new JsonArray(39.03, 125.75);
        IptcSchema.Errors(ninjs).ShouldNotBeEmpty();
    }

    [Fact]
    public void it_rejects_a_timestamp_that_is_not_rfc_3339()
    {
        var ninjs = Export();
        ninjs["versioncreated"] = "27/07/2026 09:00";
        IptcSchema.Errors(ninjs).ShouldNotBeEmpty();
        NinjsSchema.Validate(ninjs, assertFormats: true).ShouldBe(["/versioncreated: Value does not match format \"date-time\""]);
    }
}
