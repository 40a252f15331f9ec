using System.Diagnostics.CodeAnalysis;

namespace VideoGen.Grains.Domain;

/// <summary>Why a request was refused: wrong content, too large, or at odds with the current state.</summary>
public enum ValidationErrorKind
{
    Invalid = 0,
    TooLarge = 1,

    /// <summary>The input is fine but the state does not allow it now (a video without an image).</summary>
    Conflict = 2,

    /// <summary>The thing asked for does not exist (or is not the caller's).</summary>
    NotFound = 3,
}

/// <summary>One problem with a creator's input, named by the field it concerns.</summary>
[GenerateSerializer, Alias("VideoGen.ValidationError")]
public sealed record ValidationError(string Field, string Message, ValidationErrorKind Kind = ValidationErrorKind.Invalid);

/// <summary>The result of an operation whose failure is an expected answer to bad input.</summary>
public sealed class Outcome<T> where T : class
{
    private Outcome(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    public static Outcome<T> Success(T value) => new(value, []);

    public static Outcome<T> Failure(params IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, errors);
}
