using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Storage;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Extensions;

/// <summary>
/// Data Protection for several web nodes: one application name and one key ring in the shared
/// store, so a login cookie or bearer token issued by any node is valid on every node.
/// </summary>
public static class DataProtectionExtensions
{
    /// <summary>The application name every node protects with; nodes with different names cannot read each other's cookies.</summary>
    public const string ApplicationName = "VideoGen.Studio";

    /// <summary>Registers Data Protection with <see cref="ApplicationName"/> and its keys in the store.</summary>
    public static IHostApplicationBuilder AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToStore();
        return builder;
    }

    /// <summary>Keeps the key ring in the studio's store (<see cref="StoreXmlRepository"/>).</summary>
    public static IDataProtectionBuilder PersistKeysToStore(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IDataProtectionKeyStore>())));
        return builder;
    }
}
