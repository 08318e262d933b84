using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Tests.Integration;

public class authenticating_requests(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<Reply> GetBoardWith(string token) => Api.Send(HttpMethod.Get, "/api/articles",
        headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

    private static string Token(string key = AuthOptions.DevelopmentSigningKey, string issuer = "newsroom-dev",
        string audience = "newsroom", DateTime? expires = null, string algorithm = SecurityAlgorithms.HmacSha256,
        IDictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2),
            Expires = expires ?? now.AddHours(1),
            Claims = claims ?? new Dictionary<string, object> { ["sub"] = "alice", ["name"] = "Alice", ["role"] = "editor", ["desk"] = "world" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm)
        });
    }

    [Fact]
    public async Task no_token_is_401_unauthenticated()
    {
        var reply = await Api.Get("/api/articles", null);
        reply.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task a_valid_token_is_accepted()
    {
        (await GetBoardWith(Token())).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("expired")]
    [InlineData("garbage")]
    public async Task a_bad_token_is_401_unauthenticated(string what)
    {
        var token = what switch
        {
            "signature" => Token(key: "another-key-of-at-least-thirty-two-bytes!!"),
            "issuer" => Token(issuer: "someone-else"),
            "audience" => Token(audience: "another-api"),
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-5)),
            _ => "not.a.jwt"
        };
        (await GetBoardWith(token)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task roles_and_desks_may_arrive_as_json_arrays()
    {
        var token = Token(claims: new Dictionary<string, object>
        {
            ["sub"] = "multi", ["name"] = "Multi", ["role"] = new[] { "editor", "reviewer" }, ["desk"] = new[] { "world", "politics" }
        });
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        var created = await Api.Send(HttpMethod.Post, "/api/articles", json: Api.CompleteDraft(desk: "politics"), headers: headers);
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        (await Api.Send(HttpMethod.Get, "/api/review-queue", headers: headers)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_token_without_a_role_is_forbidden()
    {
        (await Api.Get("/api/articles", Users.Nobody)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task public_operations_need_no_token()
    {
        (await Api.Get("/health/live", null)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Get("/openapi/v1.json", null)).Status.ShouldBe(HttpStatusCode.OK);
    }
}

public class the_token_command
{
    [Fact]
    public void prints_a_token_the_service_accepts_with_the_given_claims()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var environment = new TestEnvironment();
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = TokenCommand.Run(["token", "--sub", "alice", "--name", "Alice", "--role", "editor", "--role", "reviewer", "--desk", "world"],
                configuration, environment);
        }
        finally { Console.SetOut(original); }

        exit.ShouldBe(0);
        var token = new JsonWebToken(output.ToString().Trim());
        token.Subject.ShouldBe("alice");
        token.Issuer.ShouldBe("newsroom-dev");
        token.Audiences.ShouldBe(["newsroom"]);
        token.Claims.Where(c => c.Type == "role").Select(c => c.Value).ShouldBe(["editor", "reviewer"]);
        token.Claims.Single(c => c.Type == "desk").Value.ShouldBe("world");
        token.Alg.ShouldBe("HS256");
    }

    [Fact]
    public void refuses_unknown_roles_and_a_missing_subject()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            TokenCommand.Run(["token", "--role", "editor"], configuration, new TestEnvironment()).ShouldBe(2);
            TokenCommand.Run(["token", "--sub", "x", "--role", "chief"], configuration, new TestEnvironment()).ShouldBe(2);
        }
        finally { Console.SetError(original); }
        error.ToString().ShouldContain("--sub is required");
        error.ToString().ShouldContain("Unknown role");
    }

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "Newsroom.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
