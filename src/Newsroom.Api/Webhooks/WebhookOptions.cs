namespace Newsroom.Webhooks;

/// <summary>
/// <c>Webhooks__Subscribers__0__Name</c>, <c>__Url</c>, <c>__Secret</c> (repeat with 1, 2, ...), and the
/// retry delays <c>Webhooks__RetryDelays</c> (comma-separated seconds; default 1,5,30,120,600: six attempts).
/// </summary>
public sealed class WebhookOptions
{
    public List<WebhookSubscriber> Subscribers { get; set; } = [];
    public string RetryDelays { get; set; } = "1,5,30,120,600";
    public int TimeoutSeconds { get; set; } = 10;

    public TimeSpan[] Delays() =>
        RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.FromSeconds(double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

    public int MaxAttempts => Delays().Length + 1;

    public WebhookSubscriber? Find(string name) => Subscribers.FirstOrDefault(s => s.Name == name);

    /// <summary>Refuses to start with a subscriber that could never be delivered to, or an unreadable retry list.</summary>
    public void Validate()
    {
        foreach (var s in Subscribers)
        {
            if (string.IsNullOrWhiteSpace(s.Name))
                throw new InvalidOperationException("Every webhook subscriber needs a Name.");
            // The name is stored with every delivery: text PostgreSQL cannot store (U+0000) or a log cannot show.
            if (s.Name.Any(char.IsControl) || s.Secret.Contains('\0'))
                throw new InvalidOperationException($"Webhook subscriber '{s.Name.Replace("\0", "\\0")}' has a control character in its Name or a NUL in its Secret.");
            if (!Uri.TryCreate(s.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"Webhook subscriber '{s.Name}' needs an absolute http(s) Url, not '{s.Url}'.");
            if (string.IsNullOrWhiteSpace(s.Secret))
                throw new InvalidOperationException($"Webhook subscriber '{s.Name}' needs a Secret to sign its deliveries.");
        }
        if (Subscribers.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            throw new InvalidOperationException("Webhook subscriber names must be unique.");
        TimeSpan[] delays;
        try { delays = Delays(); }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        { throw new InvalidOperationException($"Webhooks__RetryDelays is a comma-separated list of seconds, not '{RetryDelays}'."); }
        if (delays.Any(d => d <= TimeSpan.Zero || d > TimeSpan.FromDays(1)))
            throw new InvalidOperationException("Each webhook retry delay is more than 0 and at most a day.");
    }
}

public sealed class WebhookSubscriber
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>Shared secret for the HMAC-SHA256 signature; never sent.</summary>
    public string Secret { get; set; } = "";
}
