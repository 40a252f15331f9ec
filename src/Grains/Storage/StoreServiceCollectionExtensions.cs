using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Storage;

/// <summary>Registers the store picked by <c>Store:Provider</c>, the job queue on it, and the doorbell listener.</summary>
public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddVideoGenStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Database>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return options.ParsedProvider switch
            {
                StoreProvider.Postgres => new PostgresDatabase(options.ConnectionString),
                _ => new SqliteDatabase(options.ConnectionString),
            };
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<IProjectStore, ProjectStore>();
        services.AddSingleton<ISentenceStore, SentenceStore>();
        services.AddSingleton<NarrationSettingsStore>();
        services.AddSingleton<IEventStore, EventStore>();
        services.AddSingleton<IAccountStore, AccountStore>();
        services.AddSingleton<IAccountUsageStore, AccountUsageStore>();
        services.AddSingleton<IOwnershipStore, OwnershipStore>();
        services.AddSingleton<IDataProtectionKeyStore, DataProtectionKeyStore>();
        services.AddSingleton<IMediaCatalogStore, MediaCatalogStore>();
        services.AddHostedService<SchemaUpgradeService>();

        services.AddSingleton(new QueueTimings());
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<JobQueue>());
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<JobReader>();
        services.AddSingleton<ExportScheduler>();
        services.AddSingleton<ExportReader>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<LaneWorkloadReader>();
        services.AddSingleton<PostgresDoorbell>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresDoorbell>());
        return services;
    }

    /// <summary>
    /// The process-wide reader of the event log, for hosts that stream events to clients (the web
    /// app); a standalone silo has no one to hand them to.
    /// </summary>
    public static IServiceCollection AddEventFeed(this IServiceCollection services)
    {
        services.TryAddSingleton<Events.EventFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<Events.EventFeed>());
        return services;
    }
}
