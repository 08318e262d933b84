using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Newsroom.Infrastructure.KeyRing;

/// <summary>The one table of the key ring: one row per Data Protection key, as the XML ASP.NET Core writes.</summary>
public sealed class KeyRingSchema() : FeatureSchemaBase("KeyRing", new PostgresqlMigrator())
{
    public const string TableName = "data_protection_keys";
    public static readonly string QualifiedName = $"{Persistence.MartenSetup.Schema}.{TableName}";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var table = new Table(new PostgresqlObjectName(Persistence.MartenSetup.Schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("name").AsPrimaryKey();
        table.AddColumn<string>("xml").NotNull();
        table.AddColumn("created_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        yield return table;
    }
}
