using Microsoft.AspNetCore.Mvc;

namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>
/// A refusal as a typed result: each subclass is one status, and says so in the endpoint's metadata, so an
/// endpoint returning <c>Results&lt;ArticleOk, NotFoundProblem, …&gt;</c> declares exactly the answers it can give.
/// Written through the problem details service, like every other error (code, traceId).
/// </summary>
public abstract class ProblemResult(Problem problem, int status)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IValueHttpResult, IContentTypeHttpResult
{
    public const string ContentType = "application/problem+json";

    public Problem Problem { get; } = problem.Status == status ? problem
        : throw new ArgumentException($"A {status} result cannot carry a {problem.Status} problem ({problem.Code}).", nameof(problem));

    public int StatusCode => status;
    int? IStatusCodeHttpResult.StatusCode => status;
    public ProblemDetails Value => Problem.ToProblemDetails();
    object IValueHttpResult.Value => Value;
    string IContentTypeHttpResult.ContentType => ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => Problem.ToResult(httpContext).ExecuteAsync(httpContext);

    protected static void Declare(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
}
