using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Newsroom.Infrastructure.KeyRing;

public static class KeyRingSetup
{
    /// <summary>
    /// One Data Protection key ring for every node, in the main database (ADR 0036). The application name is fixed,
    /// so nodes installed in different folders or images still share the keys.
    /// </summary>
    public static IServiceCollection AddNewsroomKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<KeyRingDatabase>();
        // Created with the rest of the schema by `db-apply` (a Weasel database) and `resources setup` (a resource).
        services.AddSingleton<Weasel.Core.Migrations.IDatabase>(provider => provider.GetRequiredService<KeyRingDatabase>());
        services.AddSingleton<JasperFx.CommandLine.Descriptions.ISystemPart, KeyRingSystemPart>();
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddDataProtection().SetApplicationName("newsroom");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseKeyRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
