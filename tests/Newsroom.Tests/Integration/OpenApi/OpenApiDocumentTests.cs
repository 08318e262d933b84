using System.Net;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration.OpenApi;

/// <summary>What a client generator reads in /openapi/v1.json: operation ids, security where it applies, typed times and enums.</summary>
public class the_openapi_document(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<JsonObject> DocumentAsync()
    {
        var reply = await Api.Get("/openapi/v1.json", null);
        reply.Status.ShouldBe(HttpStatusCode.OK);
        return reply.Json;
    }

    [Fact]
    public async Task names_operations_with_verbs_and_asks_for_a_token_only_where_the_endpoint_does()
    {
        var doc = await DocumentAsync();
        doc["security"].ShouldBeNull();
        var create = doc["paths"]!["/api/articles"]!["post"]!;
        create["operationId"]!.GetValue<string>().ShouldBe("createArticle");
        create["summary"]!.GetValue<string>().ShouldBe("Create article");
        create["security"]!.AsArray().Count.ShouldBe(1);
        doc["paths"]!["/api/articles/{id}/approve"]!["post"]!["operationId"]!.GetValue<string>().ShouldBe("approveRevision");

        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Operation: o.Value!))).ToList();
        operations.Where(o => o.Path.StartsWith("/public", StringComparison.Ordinal)).ShouldNotBeEmpty();
        operations.Where(o => o.Path.StartsWith("/public", StringComparison.Ordinal)).ShouldAllBe(o => o.Operation["security"]!.AsArray().Count == 0);
        operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Where(id => id != null).ShouldBeUnique();
    }

    [Fact]
    public async Task types_times_as_strings_and_enums_as_strings()
    {
        var doc = await DocumentAsync();
        var article = doc["components"]!["schemas"]!["ArticleResponse"]!["properties"]!;
        article["createdAt"]!["type"]!.ToJsonString().ShouldContain("string");
        article["createdAt"]!["format"]!.GetValue<string>().ShouldBe("date-time");
        var embargo = article["embargoUntil"]!;
        embargo["type"]!.ToJsonString().ShouldContain("string");
        embargo["type"]!.ToJsonString().ShouldContain("null");
        // Every date-time carries its type (NSwag made untyped ones 'object').
        var untyped = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject o)
            {
                if (o["format"]?.GetValue<string>() == "date-time" && o["type"] is null) untyped.Add(path);
                foreach (var (k, v) in o) Walk(v, path + "/" + k);
            }
            else if (node is JsonArray a) for (var i = 0; i < a.Count; i++) Walk(a[i], path + "/" + i);
        }
        Walk(doc, "");
        untyped.ShouldBeEmpty();
    }
}
