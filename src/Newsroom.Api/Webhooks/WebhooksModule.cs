using Marten;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Newsroom.Webhooks;

public static class WebhooksModule
{
    public static IServiceCollection AddNewsroomWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        options.Validate();
        services.AddSingleton(options);
        // No redirects: a 301/302 would turn the signed POST into a body-less GET that "succeeds".
        services.AddHttpClient(nameof(DeliverWebhookHandler))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    /// <summary>Failed attempts come back after growing delays; the schedule lives in PostgreSQL, so it survives restarts.</summary>
    public static void ConfigureWebhookRetries(this WolverineOptions opts, IConfiguration configuration)
    {
        var options = configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        var delays = options.Delays();
        if (delays.Length > 0) opts.Policies.OnException<WebhookDeliveryFailed>().ScheduleRetry(delays);
    }

    public static StoreOptions AddWebhookDeliveries(this StoreOptions options)
    {
        options.Schema.For<WebhookDelivery>()
            .Duplicate(d => d.Subscriber)
            .Duplicate(d => d.Outcome)
            .Duplicate(d => d.FirstAttemptAt, "timestamptz");
        return options;
    }
}
