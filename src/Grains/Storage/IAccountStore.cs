namespace VideoGen.Grains.Storage;

/// <summary>The studio's accounts (<c>users</c>), for the Identity user store of the web app.</summary>
public interface IAccountStore
{
    /// <summary>
    /// Saves a new account. Registrations take turns, so exactly one account becomes the operator
    /// however many register at once: the first, which also takes over the projects made before
    /// accounts existed. Unless <paramref name="registrationOpen"/>, only that first account is accepted.
    /// </summary>
    Task<AccountCreation> CreateAsync(AccountRecord account, bool registrationOpen, CancellationToken ct);

    /// <summary>
    /// Saves the account's Identity fields (not its role, creation or last sign-in) when its row
    /// still has <paramref name="expectedStamp"/> as concurrency stamp.
    /// </summary>
    Task<AccountWriteResult> UpdateAsync(AccountRecord account, string? expectedStamp, CancellationToken ct);

    /// <summary>Deletes the account when its row still has <paramref name="concurrencyStamp"/>; false otherwise.</summary>
    Task<bool> DeleteAsync(Guid id, string? concurrencyStamp, CancellationToken ct);

    Task<AccountRecord?> FindByIdAsync(Guid id, CancellationToken ct);

    Task<AccountRecord?> FindByNormalizedUserNameAsync(string normalizedUserName, CancellationToken ct);

    Task<AccountRecord?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken ct);

    /// <summary>Whether any account exists yet.</summary>
    Task<bool> HasAccountsAsync(CancellationToken ct);

    /// <summary>Notes a sign-in; apart from <see cref="UpdateAsync"/> so it never races Identity's own saves.</summary>
    Task RecordLoginAsync(Guid id, DateTimeOffset at, CancellationToken ct);
}
