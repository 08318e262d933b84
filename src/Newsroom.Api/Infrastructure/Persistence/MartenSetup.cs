using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events.Daemon.HighWater;
using Newsroom.Infrastructure.Tenancy;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace Newsroom.Infrastructure.Persistence;

public static class MartenSetup
{
    public const string Schema = "newsroom";

    /// <summary>
    /// The event store and document store on PostgreSQL (<c>ConnectionStrings__Newsroom</c>). The features'
    /// registrations come from the composition root (<c>configure</c>), so this knows none of them.
    /// </summary>
    public static IServiceCollection AddNewsroomPersistence(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, Action<StoreOptions, string, bool> configure)
    {
        // Production never changes the schema at run time: apply it first with `db-apply` / `resources setup`.
        var migrateAtStartup = !environment.IsProduction();
        var connectionString = configuration.GetConnectionString("Newsroom");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "ConnectionStrings__Newsroom is not set. Use ./run.sh (it starts a local PostgreSQL) or set it to your database.");

        // A process that rebuilds projections writes without waiting for each page's flush (ADR 0041).
        var rebuilding = ProjectionRebuilds.IsThisProcess(Environment.GetCommandLineArgs()[1..]);
        if (rebuilding) connectionString = ProjectionRebuilds.WithoutFlushWaits(connectionString);

        var publications = Publications.From(configuration);
        services.AddSingleton(publications);
        if (publications.Several)
        {
            services.AddSingleton<PublicationMessageDatabases>();
            services.AddSingleton<Weasel.Core.Migrations.IDatabaseSource>(provider => provider.GetRequiredService<PublicationMessageDatabases>());
            services.AddSingleton<JasperFx.CommandLine.Descriptions.ISystemPart, PublicationMessagesSystemPart>();
        }

        // The nodes' LISTEN/NOTIFY channels (the daemon's wake-up, the desk's live updates, public page eviction)
        // are on this database; with several publications it is the main database, where Wolverine also keeps its
        // node registry.
        services.AddSingleton(_ => new ListenDataSource(NpgsqlDataSource.Create(WithTimeouts(connectionString))));
        services.ConfigureMarten((provider, options) =>
        {
            // The wake-up hears the NOTIFY EventAppendSignal sends after commits to this database. A publication's
            // own database is not heard, so with several publications their daemons poll (every 250 ms).
            if (!publications.Several)
                options.Projections.Wakeup = new PostgresqlListenWakeup(
                    provider.GetRequiredService<ListenDataSource>().DataSource, provider.GetRequiredService<ILogger<PostgresqlListenWakeup>>());
            options.Logger(new StorageLogger(provider.GetRequiredService<ILogger<StorageLogger>>()));
        });

        var marten = services.AddMarten(options =>
            {
                configure(options, connectionString, migrateAtStartup);
                if (publications.Several) UseDatabasePerPublication(options, publications, rebuilding);
                if (rebuilding) ProjectionRebuilds.UseRebuildPages(options);
            })
            // Sessions on the request's publication (the plain lightweight sessions with one publication).
            .BuildSessionsWith<PublicationSessionFactory>()
            // Async projections run in Marten's daemon, and Wolverine decides which node runs each one
            // (it replaces Marten's own daemon coordination, so no DaemonMode is set here). With several
            // publications Wolverine keeps its node registry in the main database and each publication's
            // messages (schedules, webhook deliveries) in the publication's database.
            .IntegrateWithWolverine(w =>
            {
                w.UseWolverineManagedEventSubscriptionDistribution = true;
                if (publications.Several) w.MainDatabaseConnectionString = WithTimeouts(connectionString);
            });
        if (migrateAtStartup) marten.ApplyAllDatabaseChangesOnStartup();

        return services;
    }

    /// <summary>
    /// One database per publication (Marten's static multi-tenancy, the publication id as tenant id): nothing of
    /// one publication can be read or written through another's sessions, and each database has its own event
    /// store, read models, async daemon and Wolverine message tables (ADR 0033).
    /// </summary>
    private static void UseDatabasePerPublication(StoreOptions options, Publications publications, bool rebuilding)
    {
        options.MultiTenantedDatabases(tenancy =>
        {
            foreach (var id in publications.Ids)
            {
                var connectionString = WithTimeouts(WithStatementPreparation(publications.All[id].ConnectionString));
                tenancy.AddSingleTenantDatabase(rebuilding ? ProjectionRebuilds.WithoutFlushWaits(connectionString) : connectionString, id);
            }
        });
        // Nobody listens in a publication's database (its daemon polls), so a wake-up sent there after each
        // commit would only cost a connection and a round trip.
        options.Listeners.RemoveAll(listener => listener is EventAppendSignal);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs repeatedly (the same few appends, upserts and
    /// lookups run on every command). Besides saving PostgreSQL the parse and plan of each, it changes how a
    /// pooled connection is reset: without prepared statements Npgsql sends DISCARD ALL, which also throws away
    /// the cached plans of Marten's append function, so every command re-planned it. Settings given in the
    /// connection string win.
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>Connect (and pool wait) timeout unless the connection string sets one. Npgsql's default is 15 s.</summary>
    public const int DefaultConnectTimeoutSeconds = 3;

    /// <summary>Command timeout unless the connection string sets one. Npgsql's default is 30 s.</summary>
    public const int DefaultCommandTimeoutSeconds = 5;

    /// <summary>
    /// Bounds how long a request can wait on a database that does not answer. With Npgsql's defaults a request
    /// to an unreachable server (packets dropped rather than refused) waits 15 s to connect, or 30 s on a pooled
    /// connection, before it can be answered 503. Every statement the service runs takes milliseconds, so 3 s
    /// to connect or to get a pooled connection and 5 s per command are generous; Marten does not retry
    /// timeouts, so these are also the longest a request waits. Settings given in the connection string win
    /// (raise Command Timeout for long maintenance commands on a large database).
    /// </summary>
    public static string WithTimeouts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "").ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Overlaps(["timeout", "connecttimeout", "connectiontimeout"])) builder.Timeout = DefaultConnectTimeoutSeconds;
        if (!given.Contains("commandtimeout")) builder.CommandTimeout = DefaultCommandTimeoutSeconds;
        return builder.ConnectionString;
    }

    /// <summary>The store's infrastructure: connection, serialization, event metadata, the daemon's wake-up. Features add theirs in <c>NewsroomStore</c>.</summary>
    public static void Configure(StoreOptions options, string connectionString, bool migrateAtStartup)
    {
        options.Connection(WithTimeouts(WithStatementPreparation(connectionString)));
        // A session keeps the connection it first opens until it is disposed (ADR 0037). Marten's default opens
        // and returns one per statement outside SaveChanges, and every checkout costs the seven statements of
        // Npgsql's pool reset: a create took five, a revise three. Sessions here live for one request or one
        // message, and none waits on anything slow while it holds a connection.
        options.UseStickyConnectionLifetimes = true;
        options.DatabaseSchemaName = Schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = migrateAtStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;

        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Appends in one round trip; versions still come from FetchForWriting's optimistic check.
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;

        // The public side should follow a publication within a second: committed appends wake the daemon
        // through LISTEN/NOTIFY, sent after the commit (EventAppendSignal explains why not Marten's own
        // UseListenNotifyForEventAppends), and polling (kept as the safety net) is tightened.
        options.Listeners.Add(new EventAppendSignal());
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);

        // Commands load the article with FetchForWriting; let the inline snapshot update reuse that instance
        // instead of loading it a second time.
        options.Projections.UseIdentityMapForAggregates = true;
        // Rebuilds write through PostgreSQL's binary COPY (every projection declares its teardown).
        options.Projections.RebuildWithBulkCopy = true;
    }

    /// <summary>The daemon's own small pool for its LISTEN connection (disposed with the host).</summary>
    public sealed record ListenDataSource(NpgsqlDataSource DataSource) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => DataSource.DisposeAsync();
    }
}
