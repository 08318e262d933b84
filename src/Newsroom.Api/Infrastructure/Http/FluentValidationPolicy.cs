using System.Text.Json;
using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Runs the registered <see cref="IValidator{T}"/> for an endpoint's request body before the endpoint,
/// and ends the request with a 400 <c>validation_failed</c> ProblemDetails when it fails.
/// (WolverineFx.Http.FluentValidation is not available to us; this is the small piece of it we need.)
/// </summary>
public sealed class FluentValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HasRequestType))
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(chain.RequestType!);
            if (!container.RegistrationsFor(validatorType).Any()) continue;

            var method = typeof(RequestValidation).GetMethod(nameof(RequestValidation.ValidateAsync))!
                .MakeGenericMethod(chain.RequestType!);
            var call = new MethodCall(typeof(RequestValidation), method) { CommentText = "FluentValidation of the request body" };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
            chain.Metadata.ProducesProblem(400);
        }
    }
}

public static class RequestValidation
{
    public static async Task<IResult> ValidateAsync<T>(IValidator<T> validator, T body, HttpContext http)
    {
        if (body is null)
            return Problem.Validation("body", "A JSON body is required.").ToResult(http);

        var result = await validator.ValidateAsync(body, http.RequestAborted);
        return result.IsValid ? WolverineContinue.Result() : ToProblem(result).ToResult(http);
    }

    /// <summary>400 <c>validation_failed</c> with the failures per field, named as the client's JSON names them.</summary>
    public static Problem ToProblem(FluentValidation.Results.ValidationResult result) =>
        Problem.Validation(result.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    // "Locations[0].Name" → "locations[0].name", matching the JSON the client sent.
    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
