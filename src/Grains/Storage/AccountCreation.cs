namespace VideoGen.Grains.Storage;

/// <summary>How registering an account ended, and whether it became the operator (the first account).</summary>
public sealed record AccountCreation(AccountWriteResult Result, bool IsAdmin);
