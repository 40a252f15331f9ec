using System.Net;

namespace VideoGen.Silo.ComfyUi;

/// <summary>ComfyUI answered 5xx: worth another attempt.</summary>
internal sealed class ComfyUiServerErrorException(string call, HttpStatusCode status, string body)
    : Exception($"{call} answered {(int)status} {status}{(body.Length > 0 ? ": " + body : "")}")
{
    public HttpStatusCode Status { get; } = status;
}
