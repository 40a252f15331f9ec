using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using VideoGen.Grains.Domain;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.ComfyUi;

/// <summary>
/// Creates ComfyUI clients and lane backends from the <c>Devices</c> configuration. Registered by
/// <c>AddComfyUi</c>; a device's image lane and video lane each get their own backend.
/// </summary>
public sealed class ComfyUiBackendFactory(
    IHttpClientFactory httpClients,
    ITypedHttpClientFactory<ComfyUiClient> typedClients,
    IOptions<ComfyUiOptions> options,
    ILoggerFactory logs)
{
    /// <summary>A typed client for the ComfyUI server at <paramref name="baseAddress"/>.</summary>
    public ComfyUiClient CreateClient(Uri baseAddress)
    {
        var http = httpClients.CreateClient(nameof(ComfyUiClient));
        http.BaseAddress = baseAddress;
        http.Timeout = options.Value.RequestTimeout;
        return typedClients.CreateClient(http);
    }

    /// <summary>
    /// The backend of one lane of a <c>comfyui</c> device: the image lane talks to
    /// <see cref="DeviceOptions.Url"/> with <see cref="DeviceOptions.ImageWorkflow"/> (built-in SDXL
    /// when unset); the video lane to <see cref="DeviceOptions.VideoUrl"/> (or <see cref="DeviceOptions.Url"/>)
    /// with <see cref="DeviceOptions.VideoWorkflow"/> (built-in Wan 2.2 when unset).
    /// </summary>
    /// <exception cref="WorkflowTemplateException">The lane's template or its mapping is unusable.</exception>
    public ComfyUiBackend Create(DeviceOptions device, Lane lane)
    {
        var (kind, url, workflow) = lane switch
        {
            Lane.Image => (JobKind.Image, device.Url, device.ImageWorkflow),
            Lane.Video => (JobKind.Video, string.IsNullOrWhiteSpace(device.VideoUrl) ? device.Url : device.VideoUrl, device.VideoWorkflow),
            _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "A ComfyUI device has an image lane and a video lane."),
        };
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            throw new InvalidOperationException($"Device {device.Name} has no usable ComfyUI URL for its {lane} lane (got '{url}').");
        }
        var template = string.IsNullOrWhiteSpace(workflow) ? WorkflowTemplateLoader.BuiltIn(kind) : WorkflowTemplateLoader.FromFile(workflow, kind);
        return new ComfyUiBackend(device.Name, CreateClient(address), template, options, logs.CreateLogger<ComfyUiBackend>());
    }
}
