using JasperFx.CodeGeneration;

namespace Newsroom.Infrastructure;

/// <summary>
/// How Wolverine gets its handler code: <c>Newsroom__CodeGeneration</c> = Dynamic (compile at start-up; the
/// default outside Production) or Static (load what `codegen write` put into the build; the default in
/// Production). Static refuses to start when the build carries no generated code, because Wolverine would
/// otherwise start without those endpoints and say nothing.
/// </summary>
public static class ProductionProfile
{
    public const string GeneratedRegistry = "Internal.Generated.WolverineHandlers.GeneratedHttpEndpointRegistry";

    public static TypeLoadMode TypeLoadMode(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Newsroom:CodeGeneration"];
        var mode = string.IsNullOrWhiteSpace(configured)
            ? environment.IsProduction() ? JasperFx.CodeGeneration.TypeLoadMode.Static : JasperFx.CodeGeneration.TypeLoadMode.Dynamic
            : Enum.Parse<TypeLoadMode>(configured, ignoreCase: true);

        if (mode == JasperFx.CodeGeneration.TypeLoadMode.Static && typeof(Program).Assembly.GetType(GeneratedRegistry) is null)
            throw new InvalidOperationException(
                "Static code generation needs the generated handlers in the build: run `dotnet run --project src/Newsroom.Api -- codegen write` " +
                "before `dotnet publish` (the Dockerfile and the benchmark do), or set Newsroom__CodeGeneration=Dynamic.");
        return mode;
    }
}
