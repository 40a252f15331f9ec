using System.Text.Json.Nodes;
using VideoGen.Grains.Domain;
using VideoGen.Silo.ComfyUi;

namespace VideoGen.Silo.Tests.ComfyUi;

public sealed class WorkflowTemplateTests : IDisposable
{
    private const string Graph = """
        {
          "3": {"class_type": "KSampler", "inputs": {"seed": 0, "steps": 20, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
          "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
          "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
          "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "ugly", "clip": ["4", 1]}},
          "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "x", "images": ["8", 0]}}
        }
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "videogen-templates-" + Guid.NewGuid().ToString("N"));

    public WorkflowTemplateTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void BuiltIn_Video_IsWanAt16FpsWithTwoSamplingPasses()
    {
        var template = WorkflowTemplateLoader.BuiltIn(JobKind.Video);

        Assert.Equal(JobKind.Video, template.Kind);
        Assert.Equal(16, template.Fps);
        Assert.Equal(["57", "58"], template.SamplerNodeIds);
        Assert.Equal([new SlotTarget("57", "noise_seed"), new SlotTarget("58", "noise_seed")], template.Mapping[WorkflowSlot.Seed]);
    }

    [Fact]
    public void Fill_BuiltInImage_SetsEverySlotAndKeepsTheTemplateNegativeWhenNoneIsGiven()
    {
        var template = WorkflowTemplateLoader.BuiltIn(JobKind.Image);

        var graph = template.Fill(new WorkflowInputs
        {
            Positive = "a red fox", Negative = "", Seed = ulong.MaxValue, Width = 640, Height = 360, FilenamePrefix = "videogen/abc",
        });

        Assert.Equal("a red fox", graph["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.StartsWith("blurry", graph["7"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.Equal(ulong.MaxValue, graph["3"]!["inputs"]!["seed"]!.GetValue<ulong>());
        Assert.Equal((640, 360), (graph["5"]!["inputs"]!["width"]!.GetValue<int>(), graph["5"]!["inputs"]!["height"]!.GetValue<int>()));
        Assert.Equal("videogen/abc", graph["9"]!["inputs"]!["filename_prefix"]!.GetValue<string>());
        Assert.Equal(["3"], template.SamplerNodeIds);
        Assert.Equal("", template.Fill(new WorkflowInputs { Positive = "", Seed = 0, Width = 1, Height = 1, FilenamePrefix = "p" })["6"]!["inputs"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"node": "99", "input": "seed"}""", "slot 'seed' points at node '99', which the template does not have")]
    [InlineData("""{"node": "3", "input": "noise_seed"}""", "slot 'seed' points at input 'noise_seed' of node '3' (KSampler), which has no such input")]
    [InlineData("""{"node": "3", "input": "model"}""", "slot 'seed' points at input 'model' of node '3' (KSampler), which is wired to another node")]
    public void FromFile_SeedMappedWrongly_RefusedNamingSlotNodeAndInput(string seedTarget, string expected)
    {
        var path = WriteTemplate("custom.json", Graph, Mapping(("seed", seedTarget)));

        var error = Assert.Throws<WorkflowTemplateException>(() => WorkflowTemplateLoader.FromFile(path, JobKind.Image));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void FromFile_GoodSidecarMapping_LoadsAndFillsTheMappedInputs()
    {
        var path = WriteTemplate("custom.json", Graph, Mapping());

        var graph = WorkflowTemplateLoader.FromFile(path, JobKind.Image).Fill(new WorkflowInputs
        {
            Positive = "castle", Seed = 5, Width = 512, Height = 768, FilenamePrefix = "videogen/j",
        });

        Assert.Equal(5UL, graph["3"]!["inputs"]!["seed"]!.GetValue<ulong>());
        Assert.Equal(768, graph["5"]!["inputs"]!["height"]!.GetValue<int>());
    }

    [Fact]
    public void FromFile_NoSidecarMapping_RefusedNamingTheMappingFile()
    {
        var path = Path.Combine(folder, "lonely.json");
        File.WriteAllText(path, Graph);

        var error = Assert.Throws<WorkflowTemplateException>(() => WorkflowTemplateLoader.FromFile(path, JobKind.Image));

        Assert.Contains(Path.Combine(folder, "lonely.mapping.json"), error.Message);
    }

    [Fact]
    public void FromFile_VideoKindWithImageMapping_RefusedNamingTheMissingSlots()
    {
        var path = WriteTemplate("custom.json", Graph, Mapping());

        var error = Assert.Throws<WorkflowTemplateException>(() => WorkflowTemplateLoader.FromFile(path, JobKind.Video));

        Assert.Contains("has no length, fps, start_image", error.Message);
    }

    [Fact]
    public void FromFile_MisspelledSlot_RefusedListingTheSlots()
    {
        var path = WriteTemplate("custom.json", Graph, Mapping(("seeed", """{"node": "3", "input": "seed"}""")));

        var error = Assert.Throws<WorkflowTemplateException>(() => WorkflowTemplateLoader.FromFile(path, JobKind.Image));

        Assert.Contains("slot 'seeed', which does not exist", error.Message);
        Assert.Contains("filename_prefix", error.Message);
    }

    [Fact]
    public void FromFile_EditorFormatExport_RefusedAskingForTheApiExport()
    {
        var path = WriteTemplate("ui.json", """{"last_node_id": 9, "nodes": [], "links": []}""", Mapping());

        var error = Assert.Throws<WorkflowTemplateException>(() => WorkflowTemplateLoader.FromFile(path, JobKind.Image));

        Assert.Contains("Export (API)", error.Message);
    }

    private string WriteTemplate(string name, string graph, string mapping)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, graph);
        File.WriteAllText(WorkflowTemplateLoader.MappingPathFor(path), mapping);
        return path;
    }

    private static string Mapping(params (string Slot, string Target)[] overrides)
    {
        var mapping = new JsonObject
        {
            ["positive"] = new JsonObject { ["node"] = "6", ["input"] = "text" },
            ["negative"] = new JsonObject { ["node"] = "7", ["input"] = "text" },
            ["seed"] = new JsonObject { ["node"] = "3", ["input"] = "seed" },
            ["width"] = new JsonObject { ["node"] = "5", ["input"] = "width" },
            ["height"] = new JsonObject { ["node"] = "5", ["input"] = "height" },
            ["filename_prefix"] = new JsonObject { ["node"] = "9", ["input"] = "filename_prefix" },
        };
        foreach (var (slot, target) in overrides) mapping[slot] = JsonNode.Parse(target);
        return mapping.ToJsonString();
    }
}
