using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>415: the body is not in a media type the endpoint reads.</summary>
public sealed class UnsupportedMediaTypeProblem(Problem problem) : ProblemResult(problem, StatusCodes.Status415UnsupportedMediaType), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, StatusCodes.Status415UnsupportedMediaType);
}
