using Newsroom.Webhooks;

namespace Newsroom.Tests.Unit;

public class webhook_settings
{
    private static WebhookOptions With(string name, string url = "https://hooks.example/in", string secret = "s3cret") =>
        new() { Subscribers = [new WebhookSubscriber { Name = name, Url = url, Secret = secret }] };

    [Fact]
    public void a_valid_subscriber_is_accepted() => With("search-index").Validate();

    [Theory]
    [InlineData("bad\0name", "https://hooks.example/in", "s3cret")]
    [InlineData("bad\nname", "https://hooks.example/in", "s3cret")]
    [InlineData("name", "https://hooks.example/in", "se\0cret")]
    [InlineData("name", "ftp://hooks.example/in", "s3cret")]
    [InlineData("", "https://hooks.example/in", "s3cret")]
    public void text_that_cannot_be_stored_or_delivered_stops_start_up(string name, string url, string secret) =>
        Should.Throw<InvalidOperationException>(() => With(name, url, secret).Validate());
}
