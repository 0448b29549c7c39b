using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace BillingBooks.Billing.Pages;

/// <summary>Form fields with their label, the value typed (kept after a failed save) and the field's error next to it.</summary>
public static class Form
{
    public static IHtmlContent Text(BooksPage page, string name, string label, string type = "text", bool required = false, string? hint = null, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new HtmlContentBuilder();
        Open(html, page, name, label);
        html.AppendHtml("<input type=\"").Append(type).AppendHtml("\" id=\"").Append(Id(name)).AppendHtml("\" name=\"").Append(name)
            .AppendHtml("\" value=\"").Append(page.Value(name)).AppendHtml("\"");
        if (required)
        {
            html.AppendHtml(" required");
        }

        if (maxLength is { } max)
        {
            html.AppendHtml(" maxlength=\"").Append(max.ToString(CultureInfo.InvariantCulture)).AppendHtml("\"");
        }

        if (page.ReadOnly)
        {
            html.AppendHtml(" readonly");
        }

        html.AppendHtml(Described(page, name)).AppendHtml(">");
        return Close(html, page, name, hint);
    }

    public static IHtmlContent Area(BooksPage page, string name, string label, int rows = 3)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new HtmlContentBuilder();
        Open(html, page, name, label);
        html.AppendHtml("<textarea id=\"").Append(Id(name)).AppendHtml("\" name=\"").Append(name)
            .AppendHtml("\" rows=\"").Append(rows.ToString(CultureInfo.InvariantCulture)).AppendHtml("\"")
            .AppendHtml(page.ReadOnly ? " readonly" : "").AppendHtml(Described(page, name)).AppendHtml(">")
            .Append(page.Value(name)).AppendHtml("</textarea>");
        return Close(html, page, name, null);
    }

    /// <summary>A select; <paramref name="form"/> names the form it is posted with when it stands outside it.</summary>
    public static IHtmlContent Select(BooksPage page, string name, string label, IEnumerable<(string Value, string Text)> options, string? form = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(options);
        var html = new HtmlContentBuilder();
        Open(html, page, name, label);
        html.AppendHtml("<select id=\"").Append(Id(name)).AppendHtml("\" name=\"").Append(name).AppendHtml("\"");
        if (form is not null)
        {
            html.AppendHtml(" form=\"").Append(form).AppendHtml("\"");
        }

        html.AppendHtml(page.ReadOnly ? " disabled" : "").AppendHtml(Described(page, name)).AppendHtml(">");
        var current = page.Value(name);
        foreach (var (value, text) in options)
        {
            html.AppendHtml("<option value=\"").Append(value).AppendHtml("\"")
                .AppendHtml(string.Equals(value, current, StringComparison.Ordinal) ? " selected" : "")
                .AppendHtml(">").Append(text).AppendHtml("</option>");
        }

        html.AppendHtml("</select>");
        return Close(html, page, name, hint);
    }

    public static IHtmlContent Check(BooksPage page, string name, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"field check\"><label><input type=\"checkbox\" name=\"").Append(name).AppendHtml("\" value=\"true\"")
            .AppendHtml(page.Checked(name) ? " checked" : "").AppendHtml(page.ReadOnly ? " disabled" : "").AppendHtml("> ")
            .Append(label).AppendHtml("</label>");
        return Close(html, page, name, null);
    }

    /// <summary>The error(s) of one field, for fields laid out by hand (invoice lines).</summary>
    public static IHtmlContent ErrorOf(BooksPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new HtmlContentBuilder();
        if (page.Errors.TryGetValue(name, out var messages))
        {
            html.AppendHtml("<span class=\"error\" id=\"").Append(Id(name) + "-error").AppendHtml("\">").Append(string.Join("; ", messages)).AppendHtml("</span>");
        }

        return html;
    }

    /// <summary>For inputs laid out by hand (rows): aria-invalid="true" when the field has an error, else no attribute (null).</summary>
    public static string? Invalid(BooksPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Errors.ContainsKey(name) ? "true" : null;
    }

    /// <summary>For inputs laid out by hand: the id of the field's error (aria-describedby), or null when it has none.</summary>
    public static string? ErrorId(BooksPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Errors.ContainsKey(name) ? Id(name) + "-error" : null;
    }

    public static string Id(string name) => "f-" + name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    private static void Open(HtmlContentBuilder html, BooksPage page, string name, string label)
    {
        html.AppendHtml(page.Errors.ContainsKey(name) ? "<div class=\"field invalid\">" : "<div class=\"field\">")
            .AppendHtml("<label for=\"").Append(Id(name)).AppendHtml("\">").Append(label).AppendHtml("</label>");
    }

    private static string Described(BooksPage page, string name) =>
        page.Errors.ContainsKey(name) ? $" aria-invalid=\"true\" aria-describedby=\"{Id(name)}-error\"" : "";

    private static IHtmlContent Close(HtmlContentBuilder html, BooksPage page, string name, string? hint)
    {
        if (hint is not null)
        {
            html.AppendHtml("<span class=\"hint\">").Append(hint).AppendHtml("</span>");
        }

        html.AppendHtml(ErrorOf(page, name));
        return html.AppendHtml("</div>");
    }
}
