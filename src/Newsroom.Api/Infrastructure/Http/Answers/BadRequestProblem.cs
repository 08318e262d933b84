using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>400: the request is not valid (fields in <c>errors</c>).</summary>
public sealed class BadRequestProblem(Problem problem) : ProblemResult(problem, StatusCodes.Status400BadRequest), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status400BadRequest);
}
