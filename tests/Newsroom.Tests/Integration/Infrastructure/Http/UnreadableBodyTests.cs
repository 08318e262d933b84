using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
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

/// <summary>A client's unreadable body is its mistake: one Information line, no Error with a stack trace.</summary>
public class an_unreadable_body_in_the_logs
{
    [Fact]
    public async Task is_one_information_line_and_no_error()
    {
        var logs = new CapturedLogs();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await AppFixture.StartHostAsync(receiver, builder =>
            builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        var reply = await new Api(host).Send(HttpMethod.Post, "/api/articles", Users.Alice,
            rawBody: "{\"headline\": \"H\", \"desk\": \"world\", \"priority\": \"high\"}");

        reply.ShouldBeProblem(System.Net.HttpStatusCode.BadRequest, "validation_failed");
        logs.Entries.Where(e => e.Level is LogLevel.Error or LogLevel.Critical).ShouldBeEmpty();
        logs.Entries.ShouldContain(e => e.Category == Newsroom.Infrastructure.Http.UnreadableBodyLogging.Category
                                        && e.Level == LogLevel.Information && e.Message.Contains("priority"));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
