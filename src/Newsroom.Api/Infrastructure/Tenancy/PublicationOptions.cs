namespace Newsroom.Infrastructure.Tenancy;

/// <summary>One publication of a media group (<c>Publications__{id}__…</c>): its own database and the host names its readers use.</summary>
public sealed class PublicationOptions
{
    /// <summary>The publication's PostgreSQL database; nothing of another publication is ever stored there.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The host names of its public site and feeds (<c>news.example</c>, <c>www.news.example</c>).</summary>
    public string[] Hosts { get; set; } = [];

    /// <summary>Its name, as the desk shows it; the id when not set.</summary>
    public string? Name { get; set; }
}
