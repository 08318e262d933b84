using JasperFx;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Newsroom.Infrastructure.KeyRing;

/// <summary>
/// The key ring's table in the main database (<c>ConnectionStrings__Newsroom</c>), registered as a Weasel database
/// so that <c>db-apply</c> / <c>db-assert</c> create and check it with everything else; outside Production it is
/// created at first use, like the rest of the schema.
/// </summary>
public sealed class KeyRingDatabase(Persistence.MartenSetup.ListenDataSource main, IHostEnvironment environment)
    : PostgresqlDatabase(new DefaultMigrationLogger(), environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate,
        new PostgresqlMigrator(), "KeyRing", main.DataSource, ownsDataSource: false)
{
    public override IFeatureSchema[] BuildFeatureSchemas() => [new KeyRingSchema()];
}
