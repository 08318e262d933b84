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
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
        return services;
    }

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
