using Marten;
using Newsroom.Articles;
using Newsroom.Audit;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Integrity;
using Newsroom.Public;
using Newsroom.Statistics;
using Newsroom.Webhooks;

namespace Newsroom;

/// <summary>
/// The store's whole configuration: the infrastructure, then each feature's streams and read models in one
/// line. Shared by the service and the benchmark's seeder so both write identical events.
/// </summary>
public static class NewsroomStore
{
    public static void Configure(StoreOptions options, string connectionString, bool migrateAtStartup)
    {
        MartenSetup.Configure(options, connectionString, migrateAtStartup);
        options.AddArticles();
        options.AddPublicArticles();
        options.AddWebhookDeliveries();
        options.AddAuditLog();
        options.AddIntegrity();
        options.AddDeskStatistics();
    }
}
