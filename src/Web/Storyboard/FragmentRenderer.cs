using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace VideoGen.Web.Storyboard;

/// <summary>
/// Renders a Razor partial to a string outside a page result, for fragments pushed over
/// Server-Sent Events: the same partials the page and its handlers render, so the markup lives
/// in one place.
/// </summary>
public sealed class FragmentRenderer(IRazorViewEngine views, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync(HttpContext http, string partialPath, object model)
    {
        var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var found = views.GetView(executingFilePath: null, viewPath: partialPath, isMainPage: false);
        if (!found.Success) throw new InvalidOperationException($"The partial {partialPath} was not found.");
        await using var writer = new StringWriter();
        var data = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, found.View, data, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
