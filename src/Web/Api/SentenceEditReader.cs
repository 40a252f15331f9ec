using System.Text.Json;
using VideoGen.Grains.Domain;

namespace VideoGen.Web.Api;

/// <summary>
/// Reads a partial sentence edit from JSON. Only the editable fields are read, so dirty flags
/// or statuses a client sends are ignored; a field of the wrong type or out of range is an
/// error naming the field, and nothing is changed.
/// </summary>
public static class SentenceEditReader
{
    public static Outcome<SentenceEdit> Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return Outcome<SentenceEdit>.Failure(new ValidationError("body", "Send a JSON object with the fields to change, e.g. {\"imagePrompt\": \"…\"}."));
        var errors = new List<ValidationError>();
        var edit = new SentenceEdit
        {
            Text = ReadString(body, "text", SentenceRules.CheckText, errors),
            ImagePrompt = ReadString(body, "imagePrompt", SentenceRules.CheckPrompt, errors),
            VideoPrompt = ReadString(body, "videoPrompt", SentenceRules.CheckPrompt, errors),
            CameraMovement = ReadMovement(body, errors),
            MotionStrength = ReadStrength(body, errors),
        };
        if (body.TryGetProperty("seed", out var seed))
        {
            if (seed.ValueKind == JsonValueKind.Null) edit = edit with { Seed = null, SeedSet = true };
            else if (seed.ValueKind == JsonValueKind.Number && seed.TryGetInt64(out var value) && value >= 0) edit = edit with { Seed = value, SeedSet = true };
            else errors.Add(new ValidationError("seed", "The seed must be a whole number of 0 or more, or null for a random seed."));
        }
        return errors.Count > 0 ? Outcome<SentenceEdit>.Failure(errors) : Outcome<SentenceEdit>.Success(edit);
    }

    private static string? ReadString(JsonElement body, string field, Func<string?, string?> check, List<ValidationError> errors)
    {
        if (!body.TryGetProperty(field, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError(field, $"{field} must be a string."));
            return null;
        }
        var text = value.GetString();
        if (check(text) is { } problem) errors.Add(new ValidationError(field, problem));
        return text;
    }

    private static CameraMovement? ReadMovement(JsonElement body, List<ValidationError> errors)
    {
        if (!body.TryGetProperty("cameraMovement", out var value)) return null;
        var match = CameraMovementNames.Parse(value.ValueKind == JsonValueKind.String ? value.GetString() : null);
        if (match is null) errors.Add(new ValidationError("cameraMovement", CameraMovementNames.Unknown(value.GetRawText())));
        return match;
    }

    private static double? ReadStrength(JsonElement body, List<ValidationError> errors)
    {
        if (!body.TryGetProperty("motionStrength", out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var strength))
        {
            errors.Add(new ValidationError("motionStrength", "motionStrength must be a number between 0 and 1."));
            return null;
        }
        if (SentenceRules.CheckMotionStrength(strength) is { } problem) errors.Add(new ValidationError("motionStrength", problem));
        return strength;
    }
}
