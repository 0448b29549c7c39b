using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class AgedReceivablesCommand
{
    private const string Help = """
        What each customer owes as of a date, by days past the due date: current (0-30), 31-60, 61-90 and
        over 90, in the home currency.

        Example:
          books --file acme.books report aged-receivables --as-of 2026-06-30
        """;

    public static Command Create(CliContext cli)
    {
        var asOf = ReportDates.AsOf();
        var format = Options.Format();
        var command = new Command("aged-receivables", Help) { asOf, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<AgedReceivables>.Ok(read.Reports.AgedReceivables(parsed.GetValue(asOf) ?? cli.Today)),
            report =>
            {
                var grid = new Grid(new Column("Customer"), Column.Amount("Current"), Column.Amount("31-60"), Column.Amount("61-90"), Column.Amount("Over 90"), Column.Amount("Total"));
                foreach (var row in report.Rows)
                {
                    grid.Add(Cells(row));
                }

                grid.AddFooter(Cells(report.Totals with { Name = "Total" }));
                var json = new
                {
                    asOf = Text.Iso(report.AsOf),
                    currency = report.Totals.Total.Currency.Code,
                    rows = report.Rows.Select(Json),
                    totals = Json(report.Totals),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Aged receivables as of {Text.Iso(report.AsOf)} ({report.Totals.Total.Currency.Code})");
            }));
        return command;
    }

    private static string[] Cells(AgedReceivablesRow row) =>
        [row.Name, row.Current.ToDecimalString(), row.Days31To60.ToDecimalString(), row.Days61To90.ToDecimalString(), row.Over90.ToDecimalString(), row.Total.ToDecimalString()];

    private static object Json(AgedReceivablesRow row) => new
    {
        customer = row.Name,
        current = row.Current.ToDecimalString(),
        days31To60 = row.Days31To60.ToDecimalString(),
        days61To90 = row.Days61To90.ToDecimalString(),
        over90 = row.Over90.ToDecimalString(),
        total = row.Total.ToDecimalString(),
    };
}
