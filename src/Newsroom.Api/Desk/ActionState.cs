using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;

namespace Newsroom.Desk;

/// <summary>How an action stands for the viewer: offered, refused with the rule's own explanation, or not applicable.</summary>
public sealed record ActionState(ArticleAction Action, string? Refusal)
{
    public static async Task<IReadOnlyList<ActionState>> ForAsync(ActionContext context)
    {
        var states = new List<ActionState>();
        foreach (var action in ArticleAction.All.Where(a => a.AllowedFor(context.User)))
        {
            var decision = await action.DryRun(context);
            if (decision.Problem is null) states.Add(new ActionState(action, null));
            // A refusal that explains a rule (four eyes, embargo, slug taken, incomplete) is shown before the click;
            // one that only says the status does not allow it means the action does not apply now.
            else if (decision.Problem.Code != ErrorCodes.InvalidTransition) states.Add(new ActionState(action, decision.Problem.Detail));
        }
        return states;
    }

    /// <summary>The problem an executed action answered with, if it was refused.</summary>
    public static Problem? RefusalOf(IResult result) => result switch
    {
        INestedHttpResult nested => RefusalOf(nested.Result),
        ProblemResult problem => problem.Problem,
        ProblemHttpResult problem => new Problem(problem.StatusCode, problem.ProblemDetails.Extensions.TryGetValue("code", out var code) ? code?.ToString() ?? "" : "",
            problem.ProblemDetails.Detail ?? "Refused.", problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) ? errors as IReadOnlyDictionary<string, string[]> : null),
        _ => null
    };
}
