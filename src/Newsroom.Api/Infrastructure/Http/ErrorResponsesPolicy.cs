using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Http;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Declares in the OpenAPI document the ProblemDetails answers every editorial endpoint can give, so the
/// document tells clients the truth about errors without each endpoint repeating the list.
/// </summary>
public sealed class ErrorResponsesPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var route = chain.RoutePattern?.RawText ?? "";
            if (!route.StartsWith("/api", StringComparison.Ordinal)) continue;

            chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized);
            chain.Metadata.ProducesProblem(StatusCodes.Status403Forbidden);
            chain.Metadata.ProducesProblem(StatusCodes.Status429TooManyRequests);
            if (route.Contains("{id}")) chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (chain.HasRequestType || chain.HttpMethods.Contains("GET"))
                chain.Metadata.ProducesProblem(StatusCodes.Status400BadRequest);
            if (!chain.HttpMethods.Contains("GET"))
            {
                chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
                chain.Metadata.ProducesProblem(StatusCodes.Status413PayloadTooLarge);
            }
        }
    }
}
