namespace VideoGen.Web.Tests.Api;

/// <summary>A body or query string a route must refuse, the status it must answer, and the field its problem details must name (if any).</summary>
public sealed record BadInput(string Value, string? Field, int Status = 400);
