using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>--from and --to: a period of days, by default the fiscal year (of --to) to date.</summary>
internal sealed class Period
{
    public Option<DateOnly?> From { get; } = Options.Date("--from", "The first day (the start of the fiscal year of --to if not given).");

    public Option<DateOnly?> To { get; } = Options.Date("--to", "The last day (today if not given).");

    public Result<(DateOnly From, DateOnly To)> Get(ParseResult parsed, BooksRead read, DateOnly today)
    {
        var to = parsed.GetValue(To) ?? today;
        var from = parsed.GetValue(From) ?? read.Settings.Get().YearStartOf(to);
        return to < from
            ? new InvalidInput("--to", $"{Text.Iso(to)} is before {Text.Iso(from)}; give a --to on or after --from")
            : (from, to);
    }
}
