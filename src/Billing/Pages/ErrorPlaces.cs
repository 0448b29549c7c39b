using System.Globalization;
using System.Text.RegularExpressions;

namespace BillingBooks.Billing.Pages;

/// <summary>
/// Where the API's field errors go on a page's form, said in the page's words. The API names a field by its JSON
/// path ("lines[1].quantity", "recipients[0]", "applications[0].amount"); a form may lay it out otherwise: one amount
/// for a payment's one application, one box for all the addresses, rows the API never saw. Each rule of a page moves
/// paths to the input that shows them; an error about an item of a list starts with the item as the form numbers it
/// ("Line 2: ...", "Recipient 2: ..."); an error with no input on the page is said in the banner by the name of what
/// it is about ("Contact email: ..."), never by its path. Messages lose what only a program would write (JSON
/// strings, endpoints, field names in camelCase). The one way every page shows the API's errors (see BooksPage.OnForm).
/// </summary>
public sealed partial class ErrorPlaces
{
    /// <summary>No rules: every path that is an input of the form stays on it; the others go to the banner.</summary>
    public static ErrorPlaces AsNamed => new();

    private readonly List<Func<string, (string Field, string? About)?>> _rules = [];

    /// <summary>Errors placed on the form's fields (keyed as its inputs are named), and those said in the banner.</summary>
    public sealed record Placed(IReadOnlyDictionary<string, string[]> OnFields, IReadOnlyList<string> Elsewhere);

    /// <summary>
    /// The items of the list <paramref name="list"/> ("lines[N]...") are rows of the form named <paramref name="item"/>
    /// and numbered from 1; <paramref name="row"/> gives the form row of the API's Nth item when the form sent only
    /// some of its rows. An error on the list itself goes to the list's own error ("lines").
    /// </summary>
    public ErrorPlaces Rows(string list, string item, Func<int, int>? row = null)
    {
        _rules.Add(path =>
        {
            if (path == list)
            {
                return (list, null);
            }

            if (Index(path, list) is not var (n, rest))
            {
                return null;
            }

            var r = row?.Invoke(n) ?? n;
            return (string.Create(CultureInfo.InvariantCulture, $"{list}[{r}]{rest}"), string.Create(CultureInfo.InvariantCulture, $"{item} {r + 1}"));
        });
        return this;
    }

    /// <summary>
    /// The path and everything under it ("recipients", "recipients[1]", "template.lines[0].unitPrice") are shown with
    /// the form's <paramref name="field"/>, each said with what under the path it is about ("Recipient 2: ...")
    /// unless <paramref name="named"/> is false (the field says it already: a payment's one application is its amount).
    /// </summary>
    public ErrorPlaces Into(string path, string field, bool named = true)
    {
        _rules.Add(key =>
        {
            if (key == path)
            {
                return (field, null);
            }

            if (!key.StartsWith(path, StringComparison.Ordinal) || key[path.Length] is not ('[' or '.'))
            {
                return null;
            }

            var about = Name(key);
            return (field, named && about.Length > 0 ? about : null);
        });
        return this;
    }

    /// <summary>
    /// Places <paramref name="errors"/>: by the first rule that takes a path, else on the input of that name when the
    /// form has one (<paramref name="onForm"/>), else in the banner.
    /// </summary>
    public Placed Place(IReadOnlyDictionary<string, string[]>? errors, Func<string, bool> onForm)
    {
        ArgumentNullException.ThrowIfNull(onForm);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var elsewhere = new List<string>();
        foreach (var (path, messages) in errors ?? new Dictionary<string, string[]>())
        {
            var said = messages.Select(Say).ToArray();
            var placed = _rules.Select(rule => rule(path)).FirstOrDefault(p => p is not null) ?? (onForm(path) ? (path, null) : null);
            if (placed is not var (field, about))
            {
                var name = Name(path);
                elsewhere.AddRange(said.Select(m => name.Length == 0 ? Sentence(m) : $"{name}: {m.TrimEnd('.')}."));
                continue;
            }

            var worded = about is null ? said : said.Select(m => $"{about}: {m}").ToArray();
            fields[field] = fields.TryGetValue(field, out var earlier) ? [.. earlier, .. worded] : worded;
        }

        return new Placed(fields, elsewhere);
    }

    /// <summary>
    /// A message as a person reads it: no endpoints, examples without JSON's quotes, fields by their names ('Charged
    /// on'). What the user typed, which the API quotes in single quotes, is left as it is.
    /// </summary>
    public static string Say(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var said = Endpoint().Replace(message, "")
            .Replace("pass the id of one", "choose one", StringComparison.Ordinal)
            .Replace(" as a string like ", " like ", StringComparison.Ordinal);
        return ProgramWords().Replace(said, m =>
            m.Groups["typed"].Success ? m.Value
            : m.Groups["json"].Success ? m.Groups["json"].Value
            : "'" + Capital(Words(m.Value)) + "'");
    }

    /// <summary>What a path is about, in words: "Line 2 unit price", "Recipient 1", "Contact email"; "" for the document itself.</summary>
    public static string Name(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var words = new List<string>();
        foreach (Match part in Part().Matches(path))
        {
            var name = part.Groups["name"].Value;
            if (part.Groups["index"].Success)
            {
                var n = int.Parse(part.Groups["index"].Value, CultureInfo.InvariantCulture);
                words.Add(string.Create(CultureInfo.InvariantCulture, $"{Item(name)} {n + 1}"));
            }
            else if (name != "template")
            {
                // A recurring invoice's template is the invoice it repeats: its fields are named as the invoice's own.
                words.Add(Words(name));
            }
        }

        return Capital(string.Join(' ', words));
    }

    private static (int N, string Tail)? Index(string path, string list)
    {
        if (!path.StartsWith(list + "[", StringComparison.Ordinal))
        {
            return null;
        }

        var end = path.IndexOf(']', list.Length);
        return end > list.Length + 1 && int.TryParse(path.AsSpan(list.Length + 1, end - list.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (n, path[(end + 1)..])
            : null;
    }

    private static string Item(string list) => list switch
    {
        "lines" => "line",
        "taxes" => "tax",
        "recipients" => "recipient",
        "contacts" => "contact",
        "applications" => "application",
        _ => list.EndsWith('s') ? list[..^1] : list,
    };

    private static string Words(string name) => name switch
    {
        "unit" => "item",
        "customerId" => "customer",
        "invoiceId" => "invoice",
        "startDate" => "first date",
        _ => CamelHump().Replace(name, m => " " + m.Value.ToLowerInvariant()),
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Sentence(string text) => Capital(text.TrimEnd('.')) + ".";

    [GeneratedRegex(@"\s*\((?:GET|POST|PUT|PATCH|DELETE) /[^)]*\)|\s+with (?:GET|POST|PUT|PATCH|DELETE) /\S+|\s*\(?see /openapi\S*\)?")]
    private static partial Regex Endpoint();

    /// <summary>Something typed ('...', kept), a JSON string example ("12.50"), or a field name in camelCase (chargedOn).</summary>
    [GeneratedRegex(@"(?<typed>'[^']*')|""(?<json>[^""]{1,30})""|\b[a-z]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex ProgramWords();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CamelHump();

    [GeneratedRegex(@"(?<name>[A-Za-z]+)(?:\[(?<index>\d+)\])?")]
    private static partial Regex Part();
}
