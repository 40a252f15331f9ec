using VideoGen.Web.Accounts;

namespace VideoGen.Web.Tests.Accounts;

public sealed class IdentityErrorFieldsTests
{
    [Theory]
    [InlineData("InvalidEmail", "/auth/register", "email")]
    [InlineData("DuplicateUserName", "/auth/register", "email")]
    [InlineData("InvalidEmail", "/auth/manage/info", "newEmail")]
    [InlineData("PasswordTooShort", "/auth/register", "password")]
    [InlineData("PasswordRequiresDigit", "/auth/resetPassword", "newPassword")]
    [InlineData("PasswordRequiresUpper", "/auth/manage/info", "newPassword")]
    [InlineData("PasswordMismatch", "/auth/manage/info", "oldPassword")]
    [InlineData("OldPasswordRequired", "/auth/manage/info", "oldPassword")]
    [InlineData("InvalidToken", "/auth/resetPassword", "resetCode")]
    [InlineData("SomethingNew", "/auth/register", "SomethingNew")]
    public void FieldOf_AnIdentityErrorCode_IsTheFieldOfThatRoutesRequest(string code, string pattern, string field) =>
        Assert.Equal(field, IdentityErrorFields.FieldOf(code, pattern));
}
