using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BillingBooks.Books.Cli.Output;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>Options and arguments whose values are checked while parsing, each refusal naming the fix.</summary>
internal static class Options
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => ParseDate(result, name),
    };

    public static Argument<DateOnly> DateArgument(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => ParseDate(result, name) ?? default,
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "table (default), csv (RFC 4180) or json.",
        HelpName = "table|csv|json",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
            {
                return format;
            }

            result.AddError($"--format: '{text}' is not a format; use table, csv or json");
            return OutputFormat.Table;
        },
    };

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static DateOnly? ParseDate(ArgumentResult result, string name)
    {
        var text = result.Tokens.Single().Value;
        if (TryParseDate(text, out var date))
        {
            return date;
        }

        result.AddError($"{name}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31");
        return null;
    }
}
