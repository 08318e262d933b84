using Newsroom.Integrity;

namespace Newsroom.Tests.Unit;

public class when_writing_json_canonically
{
    [Fact]
    public void object_keys_are_sorted_at_every_level() =>
        CanonicalJson.From("""{"b":1,"a":{"d":2,"c":3},"B":[{"z":0,"y":1}]}""")
            .ShouldBe("""{"B":[{"y":1,"z":0}],"a":{"c":3,"d":2},"b":1}""");

    [Fact]
    public void insignificant_whitespace_is_dropped()
    {
        const string pretty = """
            {
              "headline" : "Bridge reopens",
              "tags" : [ "transport" , "city" ],
              "priority":   4
            }
            """;
        CanonicalJson.From(pretty).ShouldBe("""{"headline":"Bridge reopens","priority":4,"tags":["transport","city"]}""");
    }

    [Theory]
    [InlineData("39.030")]
    [InlineData("39.03")]
    [InlineData("3.903E1")]
    public void one_number_has_one_spelling(string spelling) =>
        CanonicalJson.From($$"""{"lat":{{spelling}}}""").ShouldBe("""{"lat":39.03}""");

    [Fact]
    public void integers_and_negative_numbers_keep_their_value()
    {
        CanonicalJson.From("[4, 1.0, -105.850, 0, 1E2]").ShouldBe("[4,1,-105.85,0,100]");
    }

    [Fact]
    public void an_escaped_character_and_the_character_itself_are_one_string()
    {
        var escaped = CanonicalJson.From("""{"name":"L\u00fd H\u1ed3ng Trung"}""");
        var literal = CanonicalJson.From("""{"name":"Lý Hồng Trung"}""");

        escaped.ShouldBe(literal);
        literal.ShouldBe("""{"name":"Lý Hồng Trung"}""");
    }

    [Fact]
    public void quotes_backslashes_and_control_characters_stay_escaped_and_the_result_parses_back()
    {
        var canonical = CanonicalJson.From("""{"q":"say \"hi\" \\ now\nnext\u0041"}""");

        canonical.ShouldBe("""{"q":"say \"hi\" \\ now\nnextA"}""");
        System.Text.Json.JsonDocument.Parse(canonical).RootElement.GetProperty("q").GetString().ShouldBe("say \"hi\" \\ now\nnextA");
    }

    [Fact]
    public void arrays_keep_their_order_however_deeply_nested() =>
        CanonicalJson.From("""[[3,1,2],[{"b":[2,1],"a":null}],[],true,false,null,"z","a"]""")
            .ShouldBe("""[[3,1,2],[{"a":null,"b":[2,1]}],[],true,false,null,"z","a"]""");

    [Fact]
    public void canonical_json_is_its_own_canonical_form()
    {
        var once = CanonicalJson.From("""{ "z": [1.50, {"y": "ý", "x": 2e0}], "a": "\u00e9" }""");
        CanonicalJson.From(once).ShouldBe(once);
    }
}

public class when_linking_an_event_into_the_hash_chain
{
    private static readonly Guid Stream = Guid.Parse("0199a1d0-0000-7000-8000-00000000abcd");
    private const string Data = """{"articleId":"0199a1d0-0000-7000-8000-00000000abcd","revision":1}""";

    private static string Link(string previous = HashChain.Genesis, Guid? stream = null, long version = 1, string type = "article_created",
        string data = Data, string? correlation = "corr-1") =>
        HashChain.Link(previous, stream ?? Stream, version, type, data, correlation);

    [Fact]
    public void the_same_inputs_always_give_the_same_lower_case_sha256()
    {
        var hash = Link();
        hash.ShouldBe(Link());
        hash.Length.ShouldBe(64);
        hash.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void changing_any_one_input_changes_the_hash()
    {
        var original = Link();
        string[] changed =
        [
            Link(previous: new string('0', 64)),
            Link(stream: Guid.Parse("0199a1d0-0000-7000-8000-00000000abce")),
            Link(version: 2),
            Link(type: "article_revised"),
            Link(data: Data.Replace("\"revision\":1", "\"revision\":2")),
            Link(correlation: "corr-2"),
        ];

        changed.ShouldAllBe(h => h != original);
        changed.Distinct().Count().ShouldBe(changed.Length);
    }

    [Fact]
    public void parts_cannot_run_into_each_other()
    {
        Link(type: "ab", data: "c").ShouldNotBe(Link(type: "a", data: "bc"));
        Link(data: "ab", correlation: "c").ShouldNotBe(Link(data: "a", correlation: "bc"));
        // Even a separator inside a part cannot fake a boundary: each part says how long it is.
        Link(type: "a\nb", data: "c").ShouldNotBe(Link(type: "a", data: "b\nc"));
        Link(data: "x\n4:corr", correlation: null).ShouldNotBe(Link(data: "x", correlation: "corr"));
    }

    [Fact]
    public void each_link_depends_on_the_one_before()
    {
        var first = Link();
        var second = Link(previous: first, version: 2, type: "article_revised");
        var secondAfterAnotherFirst = Link(previous: Link(data: "{}"), version: 2, type: "article_revised");

        second.ShouldNotBe(secondAfterAnotherFirst);
    }
}
