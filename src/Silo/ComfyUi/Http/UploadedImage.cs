namespace VideoGen.Silo.ComfyUi;

/// <summary>Where ComfyUI stored an upload. <see cref="Name"/> may differ from the name sent (<c>x (1).png</c>): always use it.</summary>
public sealed record UploadedImage(string Name, string Subfolder, string Type)
{
    /// <summary>The value a <c>LoadImage</c> node expects: <c>subfolder/name</c>, or just the name.</summary>
    public string LoadImageValue => Subfolder.Length == 0 ? Name : $"{Subfolder}/{Name}";
}
