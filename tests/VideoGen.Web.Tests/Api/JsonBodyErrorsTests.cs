using VideoGen.Web.Api;

namespace VideoGen.Web.Tests.Api;

public sealed class JsonBodyErrorsTests
{
    [Theory]
    [InlineData("$.seed", "seed")]
    [InlineData("$.password[0]", "password")]
    [InlineData("$['odd name']", "odd name")]
    [InlineData("$.settings.speed", "settings.speed")]
    [InlineData("$", null)]
    [InlineData("$[1]", null)]
    [InlineData(null, null)]
    public void FieldOf_JsonPath_IsTheFieldItPointsInto(string? path, string? field) =>
        Assert.Equal(field, JsonBodyErrors.FieldOf(path));

    [Theory]
    [InlineData(typeof(long?), "a whole number")]
    [InlineData(typeof(double), "a number")]
    [InlineData(typeof(bool), "true or false")]
    [InlineData(typeof(string), "text")]
    [InlineData(typeof(string[]), "a list")]
    [InlineData(typeof(DayOfWeek), "one of sunday, monday, tuesday, wednesday, thursday, friday, saturday")]
    public void Kind_OfAType_IsSaidInAClientsWords(Type type, string kind) =>
        Assert.Equal(kind, JsonBodyErrors.Kind(type));
}
