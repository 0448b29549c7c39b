using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class BalanceSheetCommand
{
    private const string Help = """
        The balance sheet as of a date: assets, liabilities and equity (with current earnings), in the home
        currency; assets equal liabilities plus equity.

        Example:
          books --file acme.books report balance-sheet --as-of 2026-03-31
        """;

    public static Command Create(CliContext cli)
    {
        var asOf = ReportDates.AsOf();
        var format = Options.Format();
        var command = new Command("balance-sheet", Help) { asOf, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<BalanceSheet>.Ok(read.Reports.BalanceSheet(parsed.GetValue(asOf) ?? cli.Today)),
            report =>
            {
                var grid = StatementRows.NewGrid();
                StatementRows.AddSection(grid, "Assets", report.Assets, report.TotalAssets);
                StatementRows.AddSection(grid, "Liabilities", report.Liabilities, report.TotalLiabilities);
                StatementRows.AddSection(grid, "Equity", report.Equity, report.TotalEquity);
                grid.AddFooter(string.Empty, string.Empty, "Total liabilities and equity", (report.TotalLiabilities + report.TotalEquity).ToDecimalString());
                var json = new
                {
                    asOf = Text.Iso(report.AsOf),
                    currency = report.TotalAssets.Currency.Code,
                    assets = StatementRows.Json(report.Assets),
                    liabilities = StatementRows.Json(report.Liabilities),
                    equity = StatementRows.Json(report.Equity),
                    totalAssets = report.TotalAssets.ToDecimalString(),
                    totalLiabilities = report.TotalLiabilities.ToDecimalString(),
                    totalEquity = report.TotalEquity.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Balance sheet as of {Text.Iso(report.AsOf)} ({report.TotalAssets.Currency.Code})");
            }));
        return command;
    }
}
