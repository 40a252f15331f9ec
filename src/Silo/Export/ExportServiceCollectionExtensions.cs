using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoGen.Silo.Media;

namespace VideoGen.Silo.Export;

/// <summary>Registers the final-cut renderer and its options (section <c>Export</c>, validated on start).</summary>
public static class ExportServiceCollectionExtensions
{
    public static IServiceCollection AddExportRenderer(this IServiceCollection services)
    {
        services.AddFfmpeg();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>());
        services.TryAddSingleton<ExportRenderer>();
        return services;
    }

    private sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
    {
        public ValidateOptionsResult Validate(string? name, ExportOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
