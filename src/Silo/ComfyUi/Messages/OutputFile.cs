namespace VideoGen.Silo.ComfyUi;

/// <summary>A file an output node saved, as <c>/view</c> wants it named.</summary>
/// <param name="Filename">The file's name, e.g. <c>videogen_00001_.png</c>.</param>
/// <param name="Subfolder">The folder below <see cref="Type"/>'s root, often empty.</param>
/// <param name="Type"><c>output</c> for saved files, <c>temp</c> for previews, <c>input</c> for uploads.</param>
/// <param name="Format">A MIME type when the node says one (VideoHelperSuite's <c>gifs</c> entries do).</param>
public sealed record OutputFile(string Filename, string Subfolder, string Type, string? Format = null);
