using System.Reflection;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Newsroom.Articles.Reading;
using Newsroom.Infrastructure.Http.Answers;
using Scalar.AspNetCore;
using Wolverine.Http;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, shaped for generated clients: each operation's answers come from its
/// typed result and <see cref="CrossCuttingAnswersPolicy"/>; this adds what the framework leaves out (headers,
/// the problem shape, typed query values, request bodies read by hand, health, tag descriptions).
/// </summary>
public static class OpenApiSetup
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Articles"] = "Reading articles: one article (now, at a version, or as of a time) and the board.",
        ["Drafting"] = "Creating and revising drafts, importing wire copy (plain text, ninjs), restoring an earlier revision.",
        ["Reviewing"] = "Submitting for review, assigning a reviewer, approving the exact revision read, requesting changes.",
        ["Publishing"] = "Publishing, scheduling, correcting and withdrawing.",
        ["Spiking"] = "Setting an article aside (spike) and bringing it back.",
        ["Comments"] = "Internal notes on an article.",
        ["History"] = "The article's events, revisions, differences and blame: computed from its event stream.",
        ["Audit"] = "The audit log and each article's hash chain.",
        ["Statistics"] = "Desk statistics: throughput and time in each step.",
        ["Webhooks"] = "Deliveries to webhook subscribers.",
        ["Public"] = "What readers and other systems see: published articles, search, ninjs, feeds. No token.",
        ["Operations"] = "Liveness and readiness for load balancers and orchestrators. No token."
    };

    public static IServiceCollection AddNewsroomOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Newsroom API",
                    Version = "v1",
                    Description = "Event-sourced editorial workflow: drafts, review, publication, history. Errors are RFC 9457 " +
                                  "ProblemDetails with a stable `code`. Lists are pages `{items, next}`: pass `next` back as `cursor` " +
                                  "(cursors are opaque)."
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT with sub, name, role and desk claims (HS256 development tokens, or your OpenID Connect provider's access tokens), and a publication claim where the service serves several. Dev tokens: `dotnet run --project src/Newsroom.Api -- token ...`."
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas["ProblemDetails"] = ProblemSchema();
                document.Components.Schemas.Remove("IResult");
                AddHealth(document);
                // A server URL ending in "/" makes generated clients build "//api/..." paths.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                var used = (document.Paths?.Values.AsEnumerable() ?? []).SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                    .Select(t => t.Name).OfType<string>().ToHashSet();
                document.Tags = TagDescriptions.Where(t => used.Contains(t.Key))
                    .Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var chain = metadata.OfType<HttpChain>().FirstOrDefault();
                // Bearer security only where the endpoint demands it: /public, health and the document itself need none.
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] });
                }
                else operation.Security = []; // said explicitly: no token
                // Verb operation ids from the endpoint names (CreateArticle → createArticle), for generated clients.
                if (chain is not null && EndpointName(chain) is { Length: > 0 } name)
                {
                    operation.OperationId = char.ToLowerInvariant(name[0]) + name[1..];
                    if (operation.Summary is null || operation.Summary.Contains('_')) operation.Summary = Humanize(name);
                }
                DescribeResponses(operation, metadata);
                DescribeRequestHeaders(operation, metadata, chain, context.ApplicationServices);
                if (chain is not null) DescribeQuery(operation, chain);
                DescribeHandReadBodies(operation, chain);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Times travel as ISO 8601 strings, enums as their snake_case names (JsonSetup): say so in the schema.
                var declared = context.JsonPropertyInfo?.PropertyType ?? context.JsonTypeInfo.Type;
                var type = Nullable.GetUnderlyingType(declared) ?? declared;
                var nullable = Nullable.GetUnderlyingType(declared) is not null;
                if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
                {
                    schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                    schema.Format = "date-time";
                }
                else if (type.IsEnum)
                    schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                else if (context.JsonPropertyInfo is null && schema.Properties is { Count: > 0 })
                    ApplyValidationRules(schema, context.JsonTypeInfo.Type, context.ApplicationServices);
                if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type.IsGenericType
                    && context.JsonTypeInfo.Type.GetGenericTypeDefinition() == typeof(Page<>)
                    && schema.Properties?.TryGetValue("next", out var next) == true && next is OpenApiSchema nextSchema)
                    nextSchema.Description = "Opaque cursor for the following page (pass it as `cursor`), or null on the last page.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Headers the typed results declare, and the correlation id every answer carries.</summary>
    private static void DescribeResponses(OpenApiOperation operation, IList<object> metadata)
    {
        var headers = metadata.OfType<ResponseHeader>().Concat(metadata.OfType<IResponseHeaders>().SelectMany(h => h.Headers)).ToList();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse r) continue;
            r.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var header in headers.Where(h => h.Status.ToString() == status))
                r.Headers[header.Name] = new OpenApiHeader
                {
                    Description = header.Description,
                    Schema = new OpenApiSchema { Type = header.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String },
                    Example = header.Example is null ? null : JsonValue.Create(header.Example)
                };
            r.Headers[CorrelationIds.Header] = new OpenApiHeader
            {
                Description = "The request's correlation id: the one sent, or the trace id.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String }
            };
            // Several media types for one status (the audit page, or its export): the framework keeps only the first.
            foreach (var produced in metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Where(m => m.StatusCode.ToString() == status))
                foreach (var mediaType in produced.ContentTypes)
                    if (r.Content is not null && !r.Content.ContainsKey(mediaType))
                        r.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            // Problems are application/problem+json with the problem schema, whatever the framework inferred.
            if (int.TryParse(status, out var code) && code >= 400)
            {
                r.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemResult.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails") }
                };
                r.Description = Problem.TitleFor(ErrorCodes.ForStatus(code));
            }
        }
    }

    private static void DescribeRequestHeaders(OpenApiOperation operation, IList<object> metadata, HttpChain? chain, IServiceProvider services)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(Header(CorrelationIds.Header, "Your id for this request, echoed in the answer and recorded on the events it appends (up to 128 printable ASCII characters).", "string"));
        if (chain is null) return;

        var requestType = chain.RequestType;
        if (requestType?.GetProperty("Version") is not null)
        {
            operation.Parameters.Add(Header("If-Match", "The version you last saw as an entity tag (\"7\"): instead of `version` in the body.", "string", "\"7\""));
            // With If-Match the body may be empty when nothing else in it is required.
            if (operation.RequestBody is OpenApiRequestBody body && RequiredMembers(requestType, services).Count == 0) body.Required = false;
        }
        if (operation.Responses?.ContainsKey("304") == true)
            operation.Parameters.Add(Header("If-None-Match", "The entity tag you hold: 304 without a body when it is still current.", "string", "\"7\""));
        foreach (var header in metadata.OfType<RequestHeader>().DistinctBy(h => h.Name))
            operation.Parameters.Add(Header(header.Name, header.Description, "string", header.Example));
    }

    private static OpenApiParameter Header(string name, string description, string type, string? example = null) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String },
        Example = example is null ? null : JsonValue.Create(example)
    };

    /// <summary>Query values typed as the endpoint declares them, and the paging convention every list shares.</summary>
    private static void DescribeQuery(OpenApiOperation operation, HttpChain chain)
    {
        var parameters = chain.Method.Method.GetParameters();
        // Path values too: the revision number is read as text for the same reason.
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In is ParameterLocation.Query or ParameterLocation.Path))
        {
            var attribute = parameters.FirstOrDefault(p => p.Name == parameter.Name)?.GetCustomAttribute<ParameterSchemaAttribute>();
            attribute ??= parameter.Name switch
            {
                "limit" => new ParameterSchemaAttribute("integer")
                    { Minimum = 1, Maximum = PageRequest.MaxLimit, Example = "50", Description = $"Items per page, 1 to {PageRequest.MaxLimit} (default {PageRequest.DefaultLimit})." },
                "cursor" => new ParameterSchemaAttribute("string") { Description = "The `next` of the previous page, as it was given (opaque)." },
                _ => null
            };
            if (attribute is null) continue;
            var schema = new OpenApiSchema
            {
                Type = attribute.Type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String },
                Format = attribute.Format
            };
            if (!double.IsNaN(attribute.Minimum)) schema.Minimum = attribute.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!double.IsNaN(attribute.Maximum)) schema.Maximum = attribute.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (attribute.Enum is { } values) schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
            parameter.Schema = schema;
            parameter.Description = attribute.Description ?? parameter.Description;
            if (attribute.Required) parameter.Required = true;
            if (attribute.Example is { } example)
                parameter.Example = attribute.Type == "integer" && int.TryParse(example, out var n) ? JsonValue.Create(n) : JsonValue.Create(example);
        }
    }

    /// <summary>The importers read their bodies themselves (text, ninjs): their [Consumes] says what to send.</summary>
    private static void DescribeHandReadBodies(OpenApiOperation operation, HttpChain? chain)
    {
        if (operation.RequestBody is not null || chain?.Method.Method.GetCustomAttribute<Microsoft.AspNetCore.Mvc.ConsumesAttribute>() is not { } consumes) return;
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = consumes.ContentTypes.ToDictionary(t => t, t => new OpenApiMediaType
            {
                Schema = t.StartsWith("text/", StringComparison.Ordinal)
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Description = "The article as UTF-8 text: headline, standfirst, subheadings, paragraphs." }
                    : new OpenApiSchema { Type = JsonSchemaType.Object, Description = "An IPTC ninjs 2.x document (https://iptc.org/std/ninjs/)." }
            })
        };
    }

    /// <summary>What the command's validator demands: required members, lengths and lower bounds, in JSON names.</summary>
    private static void ApplyValidationRules(OpenApiSchema schema, Type type, IServiceProvider services)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator) return;
        var descriptor = validator.CreateDescriptor();
        schema.Required = RequiredMembers(type, services).Select(JsonName).ToHashSet();
        foreach (var member in descriptor.GetMembersWithValidators())
        {
            if (schema.Properties?.TryGetValue(JsonName(member.Key), out var property) != true || property is not OpenApiSchema p) continue;
            foreach (var (rule, _) in member)
            {
                if (rule is FluentValidation.Validators.ILengthValidator { Max: > 0 } length) p.MaxLength = length.Max;
                if (rule is FluentValidation.Validators.IComparisonValidator { Comparison: FluentValidation.Validators.Comparison.GreaterThanOrEqual, ValueToCompare: IConvertible min })
                    p.Minimum = Convert.ToString(min, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static IReadOnlyList<string> RequiredMembers(Type type, IServiceProvider services) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(type)) is IValidator validator
            ? validator.CreateDescriptor().GetMembersWithValidators()
                .Where(m => m.Any(v => v.Validator is FluentValidation.Validators.INotNullValidator or FluentValidation.Validators.INotEmptyValidator))
                .Select(m => m.Key).ToList()
            : [];

    private static string JsonName(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    /// <summary>Every error: RFC 9457 fields, the stable code, the trace id, and field errors keyed as the client wrote them.</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `code` is stable; switch on it, not on `title` or `detail`.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (JsonNode)JsonValue.Create((string)f.GetRawConstantValue()!)!).ToList()
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For validation_failed: messages by field, keyed as the client wrote it (`headline`, `locations[0].lat`).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
            }
        }
    };

    /// <summary>The health endpoints are plain ASP.NET health checks, outside the API's endpoints: described here.</summary>
    private static void AddHealth(OpenApiDocument document)
    {
        document.Paths ??= new OpenApiPaths();
        document.Components!.Schemas!["HealthReport"] = HealthReportSchema();
        foreach (var (path, id, summary) in new[]
                 {
                     ("/health/live", "checkLiveness", "Whether the process is up (no dependencies checked)."),
                     ("/health/ready", "checkReadiness", "Whether the node can serve: it is not stopping (draining), the database answers and the projections are not stalled.")
                 })
        {
            var operation = new OpenApiOperation
            {
                OperationId = id,
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse { Description = "Healthy", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference("HealthReport", document) } } },
                    ["429"] = new OpenApiResponse
                    {
                        Description = Problem.TitleFor(ErrorCodes.RateLimited),
                        Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } } },
                        Content = new Dictionary<string, OpenApiMediaType> { [ProblemResult.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) } }
                    },
                    ["503"] = new OpenApiResponse
                    {
                        Description = "Not ready",
                        Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } } },
                        Content = new Dictionary<string, OpenApiMediaType> { [ProblemResult.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) } }
                    }
                }
            };
            document.Paths[path] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
        }
    }

    /// <summary>What /health/live and /health/ready answer when healthy.</summary>
    private static OpenApiSchema HealthReportSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status", "checks" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("healthy")!, JsonValue.Create("degraded")!] },
            ["checks"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null }
                    }
                }
            }
        }
    };

    // The Name given on the endpoint's [WolverinePost(..., Name = "CreateArticle")] (Wolverine names endpoints by route).
    private static string? EndpointName(HttpChain chain) =>
        chain.Method.Method.GetCustomAttribute<WolverineHttpMethodAttribute>()?.Name;

    // "CreateArticle" → "Create article".
    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    public static WebApplication MapNewsroomOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            // Interactive docs for people; the JSON document above is for machines.
            app.MapScalarApiReference("/docs", o => o.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        }
        return app;
    }
}
