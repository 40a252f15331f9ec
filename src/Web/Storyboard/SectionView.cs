using VideoGen.Grains.Domain;

namespace VideoGen.Web.Storyboard;

/// <summary>A section with its scene cards.</summary>
public sealed record SectionView(Section Section, IReadOnlyList<SceneView> Scenes);
