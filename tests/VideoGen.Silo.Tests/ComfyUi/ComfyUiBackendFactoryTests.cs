using System.Text.Json.Nodes;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;
using VideoGen.Silo.Options;

namespace VideoGen.Silo.Tests.ComfyUi;

public sealed class ComfyUiBackendFactoryTests
{
    [Fact]
    public async Task Create_LanesOfADeviceWithVideoUrl_ImageUsesUrlAndVideoUsesVideoUrl()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var device = new DeviceOptions { Name = "gpu-1", Kind = "comfyui", Url = "http://10.0.0.5:8188", VideoUrl = "http://10.0.0.5:8189/comfy" };

        var image = harness.Factory.Create(device, Lane.Image);
        var video = harness.Factory.Create(device, Lane.Video);

        Assert.Equal(new Uri("http://10.0.0.5:8188/"), image.ServerAddress);
        Assert.Equal(new Uri("http://10.0.0.5:8189/comfy/"), video.ServerAddress);
        Assert.Equal((JobKind.Image, JobKind.Video), (image.Template.Kind, video.Template.Kind));
        Assert.Equal("gpu-1", video.DeviceName);
    }

    [Fact]
    public async Task Create_DeviceWithOwnVideoWorkflowAt24Fps_RunsItWithA24FpsFrameCount()
    {
        await using var harness = await ComfyUiHarness.StartAsync();
        var graph = BuiltInWanGraph();
        graph["60"]!["inputs"]!["fps"] = 24;
        var path = Path.Combine(harness.Folder, "wan-24fps.json");
        await File.WriteAllTextAsync(path, graph.ToJsonString());
        await File.WriteAllTextAsync(WorkflowTemplateLoader.MappingPathFor(path), """
            {
              "positive": {"node": "6", "input": "text"},
              "seed": {"node": "57", "input": "noise_seed"},
              "width": {"node": "50", "input": "width"},
              "height": {"node": "50", "input": "height"},
              "length": {"node": "50", "input": "length"},
              "fps": {"node": "60", "input": "fps"},
              "start_image": {"node": "52", "input": "image"},
              "filename_prefix": {"node": "61", "input": "filename_prefix"}
            }
            """);
        var device = harness.Device;
        device.VideoWorkflow = path;
        var startImage = harness.WriteFile("first-frame.png", VideoGen.TestSupport.FakeComfyUi.FakePng.Create());

        await harness.RunAsync(harness.Factory.Create(device, Lane.Video), harness.VideoWork(startImage, seconds: 3.2));

        var sent = Assert.Single(harness.Fake.Prompts).Graph;
        Assert.Equal(77, sent["50"]!["inputs"]!["length"]!.GetValue<int>());
        Assert.Equal("first-frame.png", sent["52"]!["inputs"]!["image"]!.GetValue<string>());
    }

    private static JsonObject BuiltInWanGraph()
    {
        using var stream = typeof(WorkflowTemplateLoader).Assembly.GetManifestResourceStream("VideoGen.Silo.ComfyUi.Templates.wan22-14b-image-to-video.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }
}
