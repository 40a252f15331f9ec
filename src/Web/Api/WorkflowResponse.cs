using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>The workflow a take was made with: its name and the SHA-256 of the workflow as sent.</summary>
public sealed record WorkflowResponse(string Name, string? Hash)
{
    public static WorkflowResponse? From(GenerationRecipe recipe) =>
        recipe.WorkflowName is { } name ? new WorkflowResponse(name, recipe.WorkflowHash) : null;
}
