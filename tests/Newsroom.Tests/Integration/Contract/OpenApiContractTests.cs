using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newsroom.Tests.Integration.Contract;

/// <summary>The contract tests' reading of a document, on a tiny one: so a pass of theirs means something.</summary>
public class the_contract_reader
{
    private static readonly OpenApiContract Contract = new(JsonNode.Parse("""
        {
          "openapi": "3.1.1",
          "paths": {
            "/things/{id}": { "get": { "responses": {
              "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
              "4XX": { "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } } } } }
          },
          "components": { "schemas": {
            "Thing": { "type": "object", "required": ["id"], "properties": {
              "id": { "type": "string", "format": "uuid" },
              "parent": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/Thing" } ] },
              "tags": { "type": "object", "additionalProperties": { "type": "string" } } } },
            "Problem": { "type": "object", "properties": { "title": { "type": "string" }, "status": { "type": ["integer", "string"] } } }
          } }
        }
        """)!.AsObject());

    private static IReadOnlyList<string> Validate(int status, string mediaType, string body)
    {
        var responses = Contract.Responses("GET", "/things/{id}")!;
        var content = OpenApiContract.Declared(responses, status)!["content"]!.AsObject();
        var declared = OpenApiContract.MatchingMediaType(content, mediaType)!;
        return Contract.Validate(content[declared]!["schema"]!, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public void finds_statuses_by_code_range_and_content_types_without_parameters()
    {
        var responses = Contract.Responses("HEAD", "/things/{id}").ShouldNotBeNull();
        OpenApiContract.Declared(responses, 200).ShouldNotBeNull();
        OpenApiContract.Declared(responses, 404).ShouldNotBeNull();
        OpenApiContract.Declared(responses, 500).ShouldBeNull();
        Contract.Responses("POST", "/things/{id}").ShouldBeNull();
        OpenApiContract.MatchingMediaType(new JsonObject { ["application/json"] = new JsonObject() }, "text/plain").ShouldBeNull();
        ObservedAnswers.DocumentPath("api/articles/{id:guid}/revisions/{n:int?}").ShouldBe("/api/articles/{id}/revisions/{n}");
        ObservedAnswers.DocumentPath("/files/{**rest}").ShouldBe("/files/{rest}");
    }

    [Fact]
    public void resolves_component_references_and_reports_wrong_types_and_undescribed_properties()
    {
        Validate(200, "application/json", """{"id":"a","parent":{"id":"b","parent":null},"tags":{"x":"y"}}""").ShouldBeEmpty();
        Validate(200, "application/json", """{"parent":null}""").ShouldContain(e => e.Contains("required"));
        Validate(200, "application/json", """{"id":"a","parent":{"id":3}}""").First().ShouldStartWith("/parent/id:");
        Validate(404, "application/problem+json", """{"title":"Not found","status":404}""").ShouldBeEmpty();
        Validate(404, "application/problem+json", """{"title":"Not found","code":"not_found"}""")
            .ShouldContain("/code: property not described by the schema");
        OpenApiContract.Summary(["/traceId: property not described by the schema", "/code: property not described by the schema", "/status: type: wrong"])
            .ShouldBe("property not described by the schema: /code /traceId; type: wrong: /status");
    }
}
