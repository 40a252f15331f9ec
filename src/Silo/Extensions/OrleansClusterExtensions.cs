using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using VideoGen.Silo.Cluster;
using VideoGen.Silo.Devices;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;
using VideoGen.Silo.Options;
using VideoGen.Silo.Streams;
using OrleansSiloOptions = Orleans.Configuration.SiloOptions;
using SiloOptions = VideoGen.Silo.Options.SiloOptions;

namespace VideoGen.Silo.Extensions;

/// <summary>
/// Makes the host an Orleans silo: localhost clustering on the SQLite store (one process),
/// ADO.NET membership on the same database with PostgreSQL (web nodes and GPU boxes form one
/// cluster). Ports, cluster id and address come from the <c>Cluster</c> section.
/// </summary>
public static class OrleansClusterExtensions
{
    /// <summary>The ADO.NET invariant name under which Orleans finds Npgsql's provider factory.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Registers the silo. Call it after the store, so the schema upgrade (which creates the
    /// membership tables) runs before the silo joins. <paramref name="configure"/> adds what the
    /// host's grains need (streams, storage) to the same silo.
    /// </summary>
    public static IHostApplicationBuilder AddOrleansCluster(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        var services = builder.Services;
        services.AddSelfValidatingOptions<ClusterHostOptions>(ClusterHostOptions.Section);
        services.AddSelfValidatingOptions<MembershipSettings>(MembershipSettings.Section);

        // The membership provider must be chosen while services are registered; its settings
        // (and every bad value's message) still come from the validated options below.
        var provider = builder.Configuration[$"{StoreOptions.Section}:{nameof(StoreOptions.Provider)}"]?.Trim().ToLowerInvariant();
        builder.UseOrleans(silo =>
        {
            if (provider is "postgres" or "postgresql")
                silo.UseAdoNetClustering(options => options.Configure<IOptions<StoreOptions>>((adoNet, store) =>
                {
                    adoNet.Invariant = PostgresInvariant;
                    adoNet.ConnectionString = store.Value.ConnectionString;
                }));
            else
                silo.UseDevelopmentClustering(primarySiloEndpoint: null);
            silo.AddDeviceGrains(DeclaredDevices(builder.Configuration));
            silo.AddProjectStreams(postgres: provider is "postgres" or "postgresql");
            // Every silo answers which version it runs, for the devices page and rolling upgrades.
            silo.AddGrainService<SiloVersionService>();
            configure?.Invoke(silo);
        });

        services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterHostOptions>>((orleans, cluster) =>
        {
            orleans.ClusterId = cluster.Value.Id;
            orleans.ServiceId = cluster.Value.Id;
        });
        services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterHostOptions>, IOptions<StoreOptions>>((endpoint, cluster, store) =>
        {
            endpoint.AdvertisedIPAddress = cluster.Value.ResolveAdvertisedAddress(store.Value.ParsedProvider);
            endpoint.SiloPort = cluster.Value.SiloPort;
            endpoint.GatewayPort = cluster.Value.GatewayPort;
        });
        services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<MembershipSettings>>((orleans, settings) =>
        {
            var chosen = settings.Value;
            orleans.ProbeTimeout = chosen.ProbeTimeout;
            orleans.NumMissedProbesLimit = chosen.NumMissedProbesLimit;
            orleans.NumVotesForDeathDeclaration = chosen.NumVotesForDeathDeclaration;
            orleans.DeathVoteExpirationTimeout = chosen.DeathVoteExpirationTimeout;
            orleans.TableRefreshTimeout = chosen.TableRefreshTimeout;
            orleans.IAmAliveTablePublishTimeout = chosen.IAmAliveTablePublishTimeout;
            orleans.NumMissedTableIAmAliveLimit = chosen.NumMissedTableIAmAliveLimit;
            orleans.MaxJoinAttemptTime = chosen.MaxJoinAttemptTime;
        });
        services.AddHostedService<DeadSiloRescue>();
        services.AddSingleton<ISiloVersions, SiloVersions>();
        services.AddHostedService<DrainBeforeLeaving>();
        services.AddOptions<OrleansSiloOptions>().Configure<IOptions<SiloOptions>>((orleans, silo) => orleans.SiloName = silo.Value.Name);
        return builder;
    }

    /// <summary>The devices this host's configuration declares (the validated options say what is wrong with them, at start).</summary>
    private static IReadOnlyList<DeviceDeclaration> DeclaredDevices(IConfiguration configuration)
    {
        var silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var devices = configuration.GetSection(DeviceOptions.Section).Get<List<DeviceOptions>>() ?? [];
        return DeviceCatalog.Declare(devices, silo);
    }
}
