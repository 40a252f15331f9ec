using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Tests;

/// <summary>
/// A scene with a history of takes, the input of the take rule tables. Stored in this order:
/// narration of 3 s ("audio"), an older image ("old image", seed 7) and the clip made from it
/// ("old clip"), the current image ("image", seed 42) and its clip ("clip"); then, beside them
/// and not active, a clip zooming in ("zoom clip"), an image of another prompt ("dawn image"),
/// narration of another length ("long audio") and of other words ("other words").
/// </summary>
internal sealed class TakeScenes
{
    public static readonly DateTimeOffset Now = SceneStates.Now;

    public Sentence Scene { get; } = SceneStates.Scene("fresh");
    public Dictionary<string, Take> Takes { get; } = [];

    public TakeScenes()
    {
        Store("audio", AssetKind.Audio, new GenerationRecipe { Prompt = "The tide rolls in." }, 3.0);
        Store("old image", AssetKind.Image, Image("a beach at dusk", 7));
        Store("old clip", AssetKind.Video, Clip("old image"));
        Store("image", AssetKind.Image, Image("a beach at dusk", 42));
        Store("clip", AssetKind.Video, Clip("image"));
        Store("zoom clip", AssetKind.Video, Clip("image") with { CameraMovement = CameraMovement.ZoomIn }, active: false);
        Store("dawn image", AssetKind.Image, Image("a beach at dawn", 9), active: false);
        Store("long audio", AssetKind.Audio, new GenerationRecipe { Prompt = "The tide rolls in." }, 4.5, active: false);
        Store("other words", AssetKind.Audio, new GenerationRecipe { Prompt = "The tide rolls out." }, 3.0, active: false);
        Scene.TakeEvents();
    }

    public Take? Active(AssetKind kind) => Takes.Values.SingleOrDefault(t => t.Id == Scene.ActiveTakeId(kind));

    /// <summary>Makes the named take active, as the store does: with the scene's other active takes.</summary>
    public bool Activate(string name) => Scene.ActivateTake(Takes[name], Active(AssetKind.Image), Active(AssetKind.Video), Now);

    /// <summary>"Use this seed" on the named take.</summary>
    public bool Reuse(string name) => Scene.ReuseTake(Takes[name], Active(AssetKind.Image), Active(AssetKind.Video), Now);

    private static GenerationRecipe Image(string prompt, long seed) => new() { Prompt = prompt, Seed = seed, WorkflowName = "sdxl.json", WorkflowHash = "ab12" };

    private GenerationRecipe Clip(string image) => new()
    {
        Prompt = "waves rolling in", Seed = 42, CameraMovement = CameraMovement.Static, MotionStrength = 0.5,
        SourceImageTakeId = Takes[image].Id, NarrationSeconds = 3.0,
    };

    private void Store(string name, AssetKind kind, GenerationRecipe recipe, double? duration = null, bool active = true)
    {
        var take = new Take
        {
            Id = Guid.NewGuid(), SentenceId = Scene.Id, ProjectId = Scene.ProjectId, JobId = Guid.NewGuid(), Kind = kind,
            File = $"{kind}/{name.Replace(' ', '-')}", Recipe = recipe, Device = "gpu-1", DurationSeconds = duration,
            CreatedAt = Now.AddMinutes(Takes.Count),
        };
        Takes[name] = take;
        Scene.TakeStored(take, active, Now);
    }
}
