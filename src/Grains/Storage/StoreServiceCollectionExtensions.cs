using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VideoGen.Grains.Storage;

/// <summary>Registers the store picked by <c>Store:Provider</c>.</summary>
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
        services.AddSingleton<IEventStore, EventStore>();
        services.AddHostedService<SchemaUpgradeService>();
        return services;
    }
}
