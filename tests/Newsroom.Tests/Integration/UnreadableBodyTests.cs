using System.Net;

namespace Newsroom.Tests.Integration;

/// <summary>A body that cannot be read is answered by JSON field, in the contract's words, never with .NET names.</summary>
public class an_unreadable_body(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("{\"headline\": \"H\", \"desk\": \"world\", \"priority\": \"high\"}", "priority")]
    [InlineData("{\"headline\": \"H\", \"desk\": \"world\", \"locations\": [{\"name\": \"Oslo\", \"lat\": \"north\"}]}", "locations[0].lat")]
    [InlineData("{\"headline\": 42, \"desk\": \"world\"}", "headline")]
    public async Task of_the_wrong_type_is_keyed_by_the_json_field(string body, string field)
    {
        var reply = await Api.Send(HttpMethod.Post, "/api/articles", Users.Alice, rawBody: body);
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Errors.Keys.ShouldBe([field]);
        reply.Text.ShouldNotContain("Newsroom.Articles", Case.Sensitive);
        reply.Text.ShouldNotContain("System.", Case.Sensitive);
    }

    [Fact]
    public void a_parse_failure_without_a_path_is_the_body()
    {
        Newsroom.Infrastructure.Http.UnreadableJson.Describe("'n' is an invalid start of a value. LineNumber: 0").Field.ShouldBe("body");
        Newsroom.Infrastructure.Http.UnreadableJson.Describe(null).ShouldBe(("body", "The body is not valid JSON."));
    }
}
