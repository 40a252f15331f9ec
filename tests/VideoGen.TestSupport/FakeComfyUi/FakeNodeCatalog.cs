namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>
/// The node classes and model files the fake has installed: the nodes of the SDXL and Wan 2.2
/// workflows, the weight-free image and video nodes, and VideoHelperSuite's video combiner.
/// </summary>
internal sealed class FakeNodeCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeNodeType> types = new(StringComparer.Ordinal)
    {
        ["CheckpointLoaderSimple"] = new(["ckpt_name"]),
        ["UNETLoader"] = new(["unet_name", "weight_dtype"]),
        ["CLIPLoader"] = new(["clip_name", "type"]),
        ["VAELoader"] = new(["vae_name"]),
        ["ModelSamplingSD3"] = new(["model", "shift"]),
        ["CLIPTextEncode"] = new(["text", "clip"]),
        ["EmptyLatentImage"] = new(["width", "height", "batch_size"]),
        ["KSampler"] = new(["seed", "steps", "cfg", "sampler_name", "scheduler", "denoise", "model", "positive", "negative", "latent_image"], Samples: true),
        ["KSamplerAdvanced"] = new(["add_noise", "noise_seed", "steps", "cfg", "sampler_name", "scheduler", "start_at_step", "end_at_step",
            "return_with_leftover_noise", "model", "positive", "negative", "latent_image"], Samples: true),
        ["VAEDecode"] = new(["samples", "vae"]),
        ["LoadImage"] = new(["image"]),
        ["WanImageToVideo"] = new(["positive", "negative", "vae", "width", "height", "length", "batch_size"]),
        ["EmptyImage"] = new(["width", "height", "batch_size", "color"]),
        ["ImageScale"] = new(["image", "upscale_method", "width", "height", "crop"]),
        ["ImageBlend"] = new(["image1", "image2", "blend_factor", "blend_mode"]),
        ["CreateVideo"] = new(["images", "fps"]),
        ["SaveImage"] = new(["images", "filename_prefix"], Output: FakeOutputKind.Image),
        ["PreviewImage"] = new(["images"], Output: FakeOutputKind.Preview),
        ["SaveVideo"] = new(["video", "filename_prefix", "format", "codec"], Output: FakeOutputKind.Video),
        ["SaveAnimatedWEBP"] = new(["images", "filename_prefix", "fps", "lossless", "quality", "method"], Output: FakeOutputKind.AnimatedWebp),
        ["VHS_VideoCombine"] = new(["images", "frame_rate", "loop_count", "filename_prefix", "format", "pingpong", "save_output"],
            Output: FakeOutputKind.VideoHelperSuite),
    };

    private readonly Dictionary<string, string[]> models = new(StringComparer.Ordinal)
    {
        ["ckpt_name"] = ["sd_xl_base_1.0.safetensors"],
        ["unet_name"] = ["wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors", "wan2.2_i2v_low_noise_14B_fp8_scaled.safetensors"],
        ["clip_name"] = ["umt5_xxl_fp8_e4m3fn_scaled.safetensors"],
        ["vae_name"] = ["wan_2.1_vae.safetensors", "sdxl_vae.safetensors"],
    };

    public FakeNodeType? Find(string classType)
    {
        lock (gate) return types.GetValueOrDefault(classType);
    }

    public IReadOnlyCollection<string> ClassTypes
    {
        get { lock (gate) return types.Keys.ToList(); }
    }

    /// <summary>The model files an input may name (<c>ckpt_name</c> → checkpoints), or <see langword="null"/> for inputs that take any value.</summary>
    public string[]? ModelsFor(string input)
    {
        lock (gate) return models.GetValueOrDefault(input);
    }

    public void SetModels(string input, string[] names)
    {
        lock (gate) models[input] = names;
    }
}
