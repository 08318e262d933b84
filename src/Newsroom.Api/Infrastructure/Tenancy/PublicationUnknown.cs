namespace Newsroom.Infrastructure.Tenancy;

/// <summary>
/// A request that names no publication this service serves: a token without (or with an unknown) <c>publication</c>
/// claim answers 401, a public request to a host no publication uses answers 404 (ProblemDetailsSetup maps it).
/// </summary>
public sealed class PublicationUnknown(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}
