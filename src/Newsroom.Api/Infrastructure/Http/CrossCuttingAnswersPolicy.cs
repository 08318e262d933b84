using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Infrastructure.Http.Answers;
using Wolverine.Http;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Declares the answers the middleware around every endpoint gives, from what the endpoint is (secured, reads a
/// body), never from its route: an endpoint's own answers come from its typed result. Together they are what the
/// OpenAPI document says each operation can answer, and a test compares that with what the service answers.
/// </summary>
public sealed class CrossCuttingAnswersPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var method = chain.Method.Method;
            var secured = method.GetCustomAttributes<AuthorizeAttribute>().Any() && !method.GetCustomAttributes<AllowAnonymousAttribute>().Any();
            var readsBody = chain.HasRequestType || method.GetCustomAttributes<Microsoft.AspNetCore.Mvc.ConsumesAttribute>().Any();

            // Text the database cannot store (NUL, unpaired surrogates) in the query, a header or the path: StorableText.
            chain.Metadata.ProducesProblem(StatusCodes.Status400BadRequest);
            if (secured)
            {
                chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized);
                chain.Metadata.ProducesProblem(StatusCodes.Status403Forbidden);
            }
            // With several publications (ADR 0033) a reader's publication is the request's host: another host is 404.
            else chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (readsBody)
            {
                chain.Metadata.ProducesProblem(StatusCodes.Status413PayloadTooLarge);
                chain.Metadata.ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
            }
            // The rate limiter (RateLimiting) and an unreachable database (StorageFailures) can answer any request.
            chain.Metadata.ProducesProblem(StatusCodes.Status429TooManyRequests);
            chain.Metadata.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
            chain.Metadata.WithMetadata(
                new ResponseHeader(StatusCodes.Status429TooManyRequests, "Retry-After", "Seconds to wait before retrying.", "integer", "1"),
                new ResponseHeader(StatusCodes.Status503ServiceUnavailable, "Retry-After", "Seconds to wait before retrying.", "integer", "5"));
        }
    }
}
