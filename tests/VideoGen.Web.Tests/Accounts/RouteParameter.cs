namespace VideoGen.Web.Tests.Accounts;

/// <summary>A route parameter and the literal segment before it (<c>projects</c> in <c>projects/{id}</c>).</summary>
public sealed record RouteParameter(string Name, string? After);
