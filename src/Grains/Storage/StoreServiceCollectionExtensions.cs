using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Jobs;

namespace VideoGen.Grains.Storage;

/// <summary>Registers the store picked by <c>Store:Provider</c> and the job queue on it.</summary>
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
                StoreProvider.Postgres => new PostgresDatabase(options.ConnectionString) { Publisher = new Events.DeferredEventPublisher(sp) },
                _ => new SqliteDatabase(options.ConnectionString) { Publisher = new Events.DeferredEventPublisher(sp) },
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
        services.AddSingleton<ITakeStore, TakeStore>();
        services.AddOptions<TakeOptions>().BindConfiguration(TakeOptions.Section)
            .Validate(o => o.KeepPerAsset >= 1, "Takes:KeepPerAsset must be 1 or more: a scene keeps at least its newest take of each kind.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TakeOptions>>().Value);
        services.AddHostedService<SchemaUpgradeService>();

        services.AddSingleton(new QueueTimings());
        services.AddSingleton<JobQueue>();
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<JobQueue>());
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<JobReader>();
        services.AddSingleton<ExportScheduler>();
        services.AddSingleton<ExportReader>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<LaneWorkloadReader>();
        return services;
    }
}
