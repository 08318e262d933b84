using FluentValidation;
using Marten;
using Newsroom.Articles;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>An action's view of one request: the article as loaded, who asks, when, and the services a command needs.</summary>
public sealed class ActionContext(Article article, ArticleCommands commands, IServiceProvider services)
{
    public Article Article => article;
    public CurrentUser User => commands.User;
    public DateTimeOffset Now { get; } = commands.Now;
    public IDocumentSession Session => commands.Session;
    public HttpContext Http => commands.Http;

    /// <summary>The command's shape validation (as the API runs it), then its endpoint, in Wolverine's outbox with this session.</summary>
    public async Task<IResult> RunAsync<T, TResult>(T command, Func<T, ArticleCommands, Task<TResult>> endpoint) where TResult : IResult
    {
        if (services.GetService<IValidator<T>>() is { } validator)
        {
            var validation = await RequestValidation.ValidateAsync(validator, command, Http);
            if (validation is not Wolverine.Http.WolverineContinue) return validation;
        }
        return await endpoint(command, commands);
    }
}
