using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class ReportDates
{
    public static Option<DateOnly?> AsOf() => Options.Date("--as-of", "The date the report is as of (today if not given).");
}
