using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// Makes every error answer a ProblemDetails document with a stable <c>code</c>: our own refusals, the
/// framework's (unknown route, wrong method, unreadable JSON, wrong content type) and server faults, which
/// never carry a stack trace.
/// </summary>
public static class ProblemDetailsSetup
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    // Whether a faulted request changed anything depends on where it failed, so the answer does not promise.
    private const string ServerFault = "Something went wrong on our side. Reload before retrying, and quote the traceId when reporting it.";

    /// <summary>
    /// What a client is told to wait when the database cannot be reached. A restart of PostgreSQL takes a few
    /// seconds; a longer outage just gets more 503s, each as quick as the connect timeout allows.
    /// </summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(5);
    private const string DatabaseUnavailable = "The database cannot be reached right now; nothing was written. Retry after the Retry-After delay.";

    public static IServiceCollection AddNewsroomProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Complete);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    public static WebApplication UseNewsroomProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RejectOversizedBodies);
        return app;
    }

    private static void Complete(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        var status = details.Status ?? context.HttpContext.Response.StatusCode;
        details.Status = status;
        if (!details.Extensions.ContainsKey("code"))
        {
            var code = ErrorCodes.ForStatus(status);
            details.Extensions["code"] = code;
            details.Title = Problem.TitleFor(code);
            details.Type = $"https://newsroom.example/problems/{code.Replace('_', '-')}";
            details.Detail ??= DefaultDetail(status, context.HttpContext);
        }

        // Wolverine answers unreadable JSON with a 400 of its own, worded by System.Text.Json with .NET type
        // names: key it by the JSON field instead and say it in the contract's words.
        if (status == 400 && !details.Extensions.ContainsKey("errors"))
        {
            var (field, message) = UnreadableJson.Describe(details.Detail);
            context.HttpContext.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(UnreadableBodyLogging.Category)
                .LogInformation("Refused an unreadable body at {Path}: {Field}", context.HttpContext.Request.Path.Value, field);
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
            // Wolverine's byte positions describe the payload, not a field: the errors above say where.
            details.Extensions.Remove("lineNumber");
            details.Extensions.Remove("bytePositionInLine");
            details.Detail = "The request body could not be read: see errors.";
        }

        details.Instance ??= context.HttpContext.Request.Path;
        details.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }

    private static string DefaultDetail(int status, HttpContext http) => status switch
    {
        400 => "The request could not be read.",
        404 => $"Nothing is served at {http.Request.Path}.",
        405 => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
        406 => "This endpoint answers application/json only.",
        413 => $"The request body is larger than {MaxRequestBodyBytes} bytes.",
        415 => "Send the body as application/json (text/plain for the text importer).",
        _ when status >= 500 => ServerFault,
        _ => ReasonPhrases(status)
    };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    // Kestrel enforces the limit for streamed bodies; a declared Content-Length over it is refused up front.
    private static async Task RejectOversizedBodies(HttpContext http, Func<Task> next)
    {
        if (http.Request.ContentLength > MaxRequestBodyBytes)
        {
            await WriteAsync(http, new Problem(413, ErrorCodes.PayloadTooLarge,
                $"The request body is larger than {MaxRequestBodyBytes} bytes."));
            return;
        }

        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxRequestBodyBytes;
        await next();
    }

    public static async Task WriteAsync(HttpContext http, Problem problem)
    {
        http.Response.StatusCode = problem.Status;
        // Pages people read answer with a page of their site (IHumanProblemPage), not JSON.
        // (The exception handler clears the request's endpoint; its feature keeps the one that failed.)
        var endpoint = http.GetEndpoint() ?? http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint;
        if (endpoint?.Metadata.GetMetadata<IHumanProblemPage>() is { } page && await page.TryWriteAsync(http, problem)) return;
        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem.ToProblemDetails(http.Request.Path)
        });
    }

    /// <summary>A 503 <c>unavailable</c> with <c>Retry-After</c>: the answer to a request that failed because the database could not be reached.</summary>
    public static Task WriteUnavailableAsync(HttpContext http, string detail = DatabaseUnavailable)
    {
        http.Response.Headers.RetryAfter = ((int)UnavailableRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteAsync(http, new Problem(503, ErrorCodes.Unavailable, detail));
    }

    /// <summary>
    /// Turns exceptions into ProblemDetails: oversized/unreadable bodies into 4xx, concurrency failures into 409,
    /// a request of no publication served here into 401/404, an unreachable database into 503, anything else into a bare 500.
    /// </summary>
    private sealed class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var problem = exception switch
            {
                BadHttpRequestException { StatusCode: 413 } => new Problem(413, ErrorCodes.PayloadTooLarge,
                    $"The request body is larger than {MaxRequestBodyBytes} bytes."),
                BadHttpRequestException bad => new Problem(bad.StatusCode, ErrorCodes.ForStatus(bad.StatusCode), "The request could not be read."),
                _ when Persistence.ConcurrencyFailures.Chain(exception).OfType<Tenancy.PublicationUnknown>().FirstOrDefault() is { } unknown =>
                    new Problem(unknown.Status, ErrorCodes.ForStatus(unknown.Status), unknown.Message),
                _ when Persistence.ConcurrencyFailures.IsConcurrencyFailure(exception) => new Problem(409, ErrorCodes.VersionConflict,
                    "The article changed while your request was applied; nothing was written. Reload it and try again."),
                _ => null
            };

            // An outage is the database's state, not a bug of this request: a warning without the stack trace, and a 503.
            if (problem is null && Persistence.DatabaseUnavailable.IsUnavailable(exception))
            {
                logger.LogWarning("Database unavailable for {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path,
                    Persistence.ConcurrencyFailures.Chain(exception).Last().Message);
                if (http.Response.HasStarted) return false;
                await WriteUnavailableAsync(http);
                return true;
            }

            if (problem is null)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
                problem = new Problem(500, ErrorCodes.InternalError, ServerFault);
            }

            if (http.Response.HasStarted) return false;
            await WriteAsync(http, problem);
            return true;
        }
    }
}

/// <summary>Turns a System.Text.Json failure ("… could not be converted to System.Int32. Path: $.priority | …") into a field and a sentence.</summary>
public static class UnreadableJson
{
    private static readonly System.Text.RegularExpressions.Regex JsonPath = new(@"Path: \$(?<path>[^ |]*)", System.Text.RegularExpressions.RegexOptions.Compiled);

    public static (string Field, string Message) Describe(string? detail)
    {
        var match = JsonPath.Match(detail ?? "");
        var path = match.Success ? match.Groups["path"].Value.TrimStart('.') : "";
        var field = path.Length == 0 ? "body" : path.Replace("['", ".").Replace("']", "");
        var message = detail?.Contains("could not be converted", StringComparison.Ordinal) == true
            ? "This value is not of the expected type (see the API guide for each field's type)."
            : "The body is not valid JSON.";
        return (field, message);
    }
}
