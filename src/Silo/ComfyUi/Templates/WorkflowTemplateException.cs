namespace VideoGen.Silo.ComfyUi;

/// <summary>A workflow template or its mapping cannot be used; the message names the file, slot, node and input at fault.</summary>
public sealed class WorkflowTemplateException(string message, Exception? inner = null) : Exception(message, inner);
