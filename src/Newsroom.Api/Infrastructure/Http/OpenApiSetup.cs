using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Newsroom.Infrastructure.Http;

public static class OpenApiSetup
{
    public static IServiceCollection AddNewsroomOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Newsroom API",
                    Version = "v1",
                    Description = "Event-sourced editorial workflow: drafts, review, publication, history. Errors are RFC 9457 ProblemDetails with a stable `code`."
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "HS256 JWT with sub, name, role and desk claims. Dev tokens: `dotnet run --project src/Newsroom.Api -- token ...`."
                };
                // A server URL ending in "/" makes generated clients build "//api/..." paths.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                return Task.CompletedTask;
            });
            // Bearer security only where the endpoint demands it: /public, health and the document itself need none.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
                    && !metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] });
                }
                // Verb operation ids from the endpoint names (CreateArticle → createArticle), for generated clients.
                if (EndpointName(metadata) is { Length: > 0 } name)
                {
                    operation.OperationId = char.ToLowerInvariant(name[0]) + name[1..];
                    if (operation.Summary is null || operation.Summary.Contains('_')) operation.Summary = Humanize(name);
                }
                return Task.CompletedTask;
            });
            // Times travel as ISO 8601 strings, enums as their snake_case names (JsonSetup): say so in the schema.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) is not null;
                if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
                {
                    schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                    schema.Format = "date-time";
                }
                else if (type.IsEnum)
                    schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                return Task.CompletedTask;
            });
        });
        return services;
    }

    // The Name given on the endpoint's [WolverinePost(..., Name = "CreateArticle")] (Wolverine names endpoints by route).
    private static string? EndpointName(IList<object> metadata)
    {
        var method = metadata.OfType<Wolverine.Http.HttpChain>().FirstOrDefault()?.Method.Method ?? metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault();
        return method is null ? null
            : System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Wolverine.Http.WolverineHttpMethodAttribute>(method)?.Name;
    }

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
