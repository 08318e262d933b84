using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>410: it was there and was withdrawn.</summary>
public sealed class GoneProblem(Problem problem) : ProblemResult(problem, StatusCodes.Status410Gone), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status410Gone);
}
