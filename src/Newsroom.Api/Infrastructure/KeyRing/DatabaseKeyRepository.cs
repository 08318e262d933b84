using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Newsroom.Infrastructure.KeyRing;

/// <summary>
/// Keeps ASP.NET Core's Data Protection keys in PostgreSQL, so that every node protects and reads the desk's
/// sign-in cookie and its forms' antiforgery tokens with the same keys: a desk user whose next request goes to
/// another node stays signed in (ADR 0036). The interface is synchronous; ASP.NET Core calls it rarely (at start-up,
/// when it creates a key, and when its cached key ring expires) and never on a request's hot path.
/// </summary>
public sealed class DatabaseKeyRepository(KeyRingDatabase database) : IXmlRepository
{
    private int _ensured;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand($"select xml from {KeyRingSchema.QualifiedName} order by created_at, name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var connection = database.DataSource.OpenConnection();
        // Keys are never changed once written; a second node storing the same name keeps the first one's.
        using var command = new NpgsqlCommand(
            $"insert into {KeyRingSchema.QualifiedName} (name, xml) values (@name, @xml) on conflict (name) do nothing", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private void EnsureTable()
    {
        if (Volatile.Read(ref _ensured) == 1 || database.AutoCreate == JasperFx.AutoCreate.None) return;
        database.ApplyAllConfiguredChangesToDatabaseAsync().GetAwaiter().GetResult();
        Volatile.Write(ref _ensured, 1);
    }
}
