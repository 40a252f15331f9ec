namespace VideoGen.Grains.Storage;

/// <summary>How a write of an account ended.</summary>
public enum AccountWriteResult
{
    /// <summary>The row was written.</summary>
    Written = 0,

    /// <summary>The row changed (or went away) since it was read: its concurrency stamp differs.</summary>
    Conflict = 1,

    /// <summary>Another account already has this user name or email address.</summary>
    Duplicate = 2,

    /// <summary>Registration is closed and this is not the first account.</summary>
    RegistrationClosed = 3,
}
