using Microsoft.Extensions.Options;

namespace VideoGen.Silo.Options;

/// <summary>Options that list their own problems, each naming its configuration key.</summary>
public interface ISelfValidatingOptions
{
    /// <summary>The problems of these options; empty when they are usable.</summary>
    IReadOnlyList<string> Validate();
}

/// <summary>Fails the host at start with every problem options of type <typeparamref name="T"/> list.</summary>
internal sealed class SelfValidatingOptions<T> : IValidateOptions<T> where T : class, ISelfValidatingOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
