using System.Reflection;

namespace BillingBooks.Billing.Pages;

/// <summary>The stylesheet, the small scripts and the icon, embedded in billing.dll so the service is one file to deploy.</summary>
public static class Assets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["app.css"] = "text/css; charset=utf-8",
        ["invoice-editor.js"] = "text/javascript; charset=utf-8",
        ["invoice-calculation.js"] = "text/javascript; charset=utf-8",
        ["forms.js"] = "text/javascript; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    };

    public static IResult Serve(string name)
    {
        if (!Types.TryGetValue(name, out var type))
        {
            return Results.NotFound();
        }

        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("assets/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
