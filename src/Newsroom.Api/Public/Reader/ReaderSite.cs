using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Newsroom.Public.Reader;

/// <summary>
/// The reader's site: server-rendered HTML pages from the public read model (ADR 0034). They are pages, not API
/// operations, so they stay out of the OpenAPI document; the article page shares its URL with the JSON article and
/// is chosen by <c>Accept</c> (<see cref="HtmlAlternativePolicy"/>). All are anonymous and served through the public
/// page cache, which evicts them with the articles they show.
/// </summary>
public static class ReaderSite
{
    public static IServiceCollection AddReaderSite(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, HtmlAlternativePolicy>());
        return services;
    }

    public static WebApplication MapReaderSite(this WebApplication app)
    {
        Page(app.MapGet("/public/articles/{slug}", ArticlePage.GetAsync)).WithMetadata(HtmlAlternative.Instance);
        Page(app.MapGet("/", ListPages.FrontAsync));
        Page(app.MapGet("/public/desks/{desk}", ListPages.DeskAsync));
        Page(app.MapGet("/public/tags/{tag}", ListPages.TagAsync));
        Page(app.MapGet("/public/search", SearchResultsPage.GetAsync));
        Page(app.MapGet("/sitemap.xml", Sitemaps.SitemapAsync));
        Page(app.MapGet("/news-sitemap.xml", Sitemaps.NewsSitemapAsync));
        Page(app.MapGet("/robots.txt", Sitemaps.Robots));
        return app;
    }

    private static RouteHandlerBuilder Page(RouteHandlerBuilder endpoint) => endpoint
        .AllowAnonymous()
        .CacheOutput(PublicPageCache.Policy)
        .ExcludeFromDescription();
}
