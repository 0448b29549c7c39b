using System.CommandLine;
using System.Text.Json;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>
/// One invoice line as typed: "DESCRIPTION;AMOUNT[;TAXCODE[;ACCOUNT]]", or one object of a --from JSON file
/// ({"description":"...","amount":"100.00","taxCode":"GP","account":"4020"}). The amount is checked once the
/// invoice's currency is known. An empty tax code means the customer's default code and "none" no tax; an
/// empty account means the customer's revenue account, else Default Revenue.
/// </summary>
internal sealed record LineSpec(string Description, string Amount, string? TaxCode, string? Account)
{
    public const string Shape = "DESCRIPTION;AMOUNT[;TAXCODE[;ACCOUNT]]";

    public static Option<LineSpec[]> Option() => new("--line")
    {
        Description = $"An invoice line, {Shape}; repeat for more, e.g. --line \"Consulting;100.00;GP\" --line \"Parts;25.00;E;4020\". A description that starts with - is attached: --line=\"-hourly- support;80.00;GP\".",
        HelpName = Shape,
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
        CustomParser = result =>
        {
            var lines = new List<LineSpec>();
            foreach (var token in result.Tokens)
            {
                var parts = token.Value.Split(';');
                if (parts.Length is < 2 or > 4 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                {
                    result.AddError($"--line: '{token.Value}' is not {Shape}; write it like --line \"Consulting;100.00;GP\"");
                    return [];
                }

                lines.Add(new LineSpec(parts[0].Trim(), parts[1].Trim(), Part(parts, 2), Part(parts, 3)));
            }

            return [.. lines];
        },
    };

    /// <summary>Reads lines from a JSON file: an array of lines, or an object with a "lines" array.</summary>
    public static bool TryRead(string path, out LineSpec[] lines, out string error)
    {
        lines = [];
        if (!File.Exists(path))
        {
            error = $"--from: {path} does not exist; give the path of a JSON file of lines";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var array = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("lines", out var inner)
                ? inner
                : document.RootElement;
            if (array.ValueKind != JsonValueKind.Array)
            {
                error = $"--from: {path} must hold an array of lines, e.g. [{{\"description\":\"Consulting\",\"amount\":\"100.00\",\"taxCode\":\"GP\"}}]";
                return false;
            }

            var read = new List<LineSpec>();
            foreach (var line in array.EnumerateArray())
            {
                var description = Text(line, "description");
                var amount = Text(line, "amount");
                if (description is null || amount is null)
                {
                    error = $"--from: line {read.Count + 1} of {path} needs \"description\" and \"amount\" (a string like \"100.00\")";
                    return false;
                }

                read.Add(new LineSpec(description, amount, Text(line, "taxCode"), Text(line, "account")));
            }

            lines = [.. read];
            error = string.Empty;
            return true;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            error = $"--from: cannot read {path} ({unreadable.Message}); give a JSON file you may read";
            return false;
        }
        catch (JsonException bad)
        {
            var where = bad.LineNumber is { } line ? $" at line {line + 1}, position {bad.BytePositionInLine + 1}" : string.Empty;
            error = $"--from: {path} is not valid JSON{where}; write an array of lines like [{{\"description\":\"Consulting\",\"amount\":\"100.00\",\"taxCode\":\"GP\"}}]";
            return false;
        }
    }

    /// <summary>The tax code to post: null = the customer's default, "" = no tax.</summary>
    public string? PostedTaxCode => TaxCode is null || TaxCode.Length == 0 ? null : string.Equals(TaxCode, "none", StringComparison.OrdinalIgnoreCase) ? string.Empty : TaxCode;

    private static string? Part(string[] parts, int index) => parts.Length > index && parts[index].Trim().Length > 0 ? parts[index].Trim() : null;

    private static string? Text(JsonElement line, string name) =>
        line.ValueKind == JsonValueKind.Object && line.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
