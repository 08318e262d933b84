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
        // Pages of their own answer HEAD too (crawlers and link checkers ask it); the article URL answers what the
        // JSON article answers, GET only.
        Page(PageOrHead(app, "/", ListPages.FrontAsync));
        Page(PageOrHead(app, "/public/desks/{desk}", ListPages.DeskAsync));
        Page(PageOrHead(app, "/public/tags/{tag}", ListPages.TagAsync));
        Page(PageOrHead(app, "/public/search", SearchResultsPage.GetAsync));
        Page(PageOrHead(app, "/sitemap.xml", Sitemaps.SitemapAsync));
        Page(PageOrHead(app, "/news-sitemap.xml", Sitemaps.NewsSitemapAsync));
        Page(PageOrHead(app, "/robots.txt", Sitemaps.Robots));
        return app;
    }

    private static RouteHandlerBuilder PageOrHead(WebApplication app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    private static RouteHandlerBuilder Page(RouteHandlerBuilder endpoint) => endpoint
        .AllowAnonymous()
        .CacheOutput(PublicPageCache.Policy)
        .WithMetadata(ReaderProblemPage.Instance)
        .ExcludeFromDescription();
}
