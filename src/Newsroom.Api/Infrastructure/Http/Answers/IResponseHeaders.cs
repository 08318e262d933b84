namespace Newsroom.Infrastructure.Http.Answers;

/// <summary>Endpoint metadata (an attribute, typically) naming several headers the endpoint's answers carry.</summary>
public interface IResponseHeaders
{
    IEnumerable<ResponseHeader> Headers { get; }
}
