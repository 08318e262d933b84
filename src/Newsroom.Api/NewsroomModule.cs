using Newsroom.Articles;
using Newsroom.Articles.Reading;
using Newsroom.Demo;
using Newsroom.Desk;
using Newsroom.Infrastructure;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.KeyRing;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Telemetry;
using Newsroom.Infrastructure.Tenancy;
using Newsroom.Operations;
using Newsroom.Public;
using Newsroom.Public.Reader;
using Newsroom.Webhooks;
using FluentValidation;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;

namespace Newsroom;

/// <summary>The composition root: each feature and cross-cutting concern registers itself here, in one line.</summary>
public static class NewsroomModule
{
    public static WebApplicationBuilder AddNewsroom(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ProblemDetailsSetup.MaxRequestBodyBytes);
        // Structured logs: one JSON object per line outside Development, readable text in Development.
        if (!builder.Environment.IsDevelopment())
            builder.Logging.ClearProviders().AddJsonConsole(o => { o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; o.UseUtcTimestamp = true; o.IncludeScopes = true; });

        builder.Logging.SilenceDeserializationErrors(typeof(Program).Assembly);
        builder.AddNewsroomTelemetry();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BoardItemCache>();
        services.AddSingleton<ArticleCache>();
        services.AddHttpContextAccessor();
        services.AddScoped<ArticleCommands>();
        services.AddNewsroomProblemDetails();
        services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
        services.AddNewsroomAuth(builder.Configuration, builder.Environment);
        services.AddNewsroomForwardedHeaders(builder.Configuration);
        services.AddNewsroomRateLimiting(builder.Configuration);
        services.AddNewsroomPersistence(builder.Configuration, builder.Environment, NewsroomStore.Configure);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddNewsroomOpenApi();
        services.AddNewsroomHealth();
        services.AddNewsroomDraining(builder.Configuration);
        services.AddDemoData(builder.Configuration);
        services.AddPublicSite(builder.Configuration);
        services.AddNewsroomWebhooks(builder.Configuration);
        services.AddPublicPageCache(builder.Configuration);
        services.AddNewsroomKeyRing();
        services.AddReaderSite();
        services.AddDesk(builder.Configuration, builder.Environment);

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Program).Assembly;
            // Development and tests compile handlers at start-up; production loads the code that
            // `codegen write` generated into the build (see ProductionProfile and ADR 0008).
            opts.UseRuntimeCompilation();
            opts.CodeGeneration.TypeLoadMode = ProductionProfile.TypeLoadMode(builder.Configuration, builder.Environment);
            // The command pipeline enrols the request's session in the outbox itself; resolved from the request's
            // scope (never built inline around a second session), it is the same service the desk's screens use.
            opts.CodeGeneration.AlwaysUseServiceLocationFor<ArticleCommands>();
            if (!builder.Environment.IsProduction()) opts.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.CreateOrUpdate;
            else opts.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.None;

            // Every local queue is backed by PostgreSQL: scheduled publications, integration events and
            // webhook retries survive restarts and are picked up by whichever node is alive.
            opts.Policies.UseDurableLocalQueues();
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
            opts.Durability.ScheduledJobFirstExecution = TimeSpan.FromSeconds(1);
            // Wolverine's health checks decide which node runs the async projections. By default the first one
            // comes 13 s after start-up (3 s, then one 10 s period): until then the public side and the audit
            // log stand still, and a publication made at once waits that long to show. And a node that dies
            // without stopping (killed, crashed, lost its machine) keeps its projections until the others
            // declare it stale: after a minute plus two health checks. Checks every 2 s from the start and
            // stale after 15 s: projections run ~2 s after start-up and move off a dead node within ~30 s (with 20 s the
            // several-nodes test measured 21–32 s under load; 15 s is still seven missed heartbeats).
            // (Newsroom__FastNodeHealthChecks=false keeps Wolverine's defaults.)
            if (builder.Configuration.GetValue("Newsroom:FastNodeHealthChecks", true))
            {
                opts.Durability.FirstHealthCheckExecution = TimeSpan.Zero;
                opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(2);
                opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(15);
            }
            // A handler that fails because the database cannot be reached (a scheduled publication, a webhook
            // delivery caught by an outage) must not end in the dead-letter table: Wolverine's default moves it
            // there after three attempts, and a publication due during a restart of PostgreSQL would be lost. It is
            // retried in memory (no database needed) for about two minutes, then rescheduled every 30 s until the
            // database is back. Projections paused by the outage are restarted by Wolverine after 2 s, the wait
            // doubling per failure; capped at 15 s (default 5 minutes) so they resume soon after a long outage.
            opts.Policies.OnException(DatabaseUnavailable.IsUnavailable)
                .RetryWithCooldown(OutageRetryDelays).Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(30));
            opts.Durability.TransientFailureRestartMaxBackoff = TimeSpan.FromSeconds(15);
            opts.Policies.OnException(e => ConcurrencyFailures.IsConcurrencyFailure(e) || UniqueViolations.IsDuplicateKey(e))
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
            opts.ConfigureWebhookRetries(builder.Configuration);
        });
        services.AddWolverineHttp();
        return builder;
    }

    // 0.5 + 1 + 2 + 5 + 20 × 5 s: about 108 s of in-memory retries before a handler falls back to scheduled ones.
    private static readonly TimeSpan[] OutageRetryDelays =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), .. Enumerable.Repeat(TimeSpan.FromSeconds(5), 21)];

    public static WebApplication UseNewsroom(this WebApplication app)
    {
        app.UseNewsroomForwardedHeaders();
        app.UseCorrelationIds();
        app.UseNewsroomSecurityHeaders();
        app.UseNewsroomProblemDetails();
        app.UseEmptyCommandBodiesAsEmptyObjects();
        // Before the rate limiter: a public page served from memory costs less than the limiter's own
        // bookkeeping, and one NAT or carrier address may be thousands of readers (ADR 0024). Requests with
        // credentials never use the cache, and a miss goes on through the limiter like any request.
        app.UseOutputCache();
        app.UseAuthentication();
        app.UsePublications();
        app.UseNewsroomRateLimiting();
        app.UseAuthorization();
        app.UseStorableTextOnly();

        app.MapDesk();
        app.MapReaderSite();
        app.MapNewsroomHealth();
        app.MapNewsroomTelemetry();
        app.MapNewsroomOpenApi();
        app.MapWolverineEndpoints(opts =>
        {
            opts.AddPolicy<FluentValidationPolicy>();
            opts.AddPolicy<CrossCuttingAnswersPolicy>();
        });
        return app;
    }
}
