using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>404: no such resource, or not one the caller may see.</summary>
public sealed class NotFoundProblem(Problem problem) : ProblemResult(problem, StatusCodes.Status404NotFound), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status404NotFound);
}
