using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class IncomeStatementCommand
{
    private const string Help = """
        The income statement for a period (the fiscal year to date if not given): revenue, expenses and net
        income, in the home currency.

        Example:
          books --file acme.books report income-statement --from 2026-01-01 --to 2026-03-31 --format csv
        """;

    public static Command Create(CliContext cli)
    {
        var period = new Period();
        var format = Options.Format();
        var command = new Command("income-statement", Help) { period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Map(days => read.Reports.IncomeStatement(days.From, days.To)),
            report =>
            {
                var grid = StatementRows.NewGrid();
                StatementRows.AddSection(grid, "Revenue", report.Revenue, report.TotalRevenue);
                StatementRows.AddSection(grid, "Expenses", report.Expenses, report.TotalExpenses);
                grid.AddFooter(string.Empty, string.Empty, "Net income", report.NetIncome.ToDecimalString());
                var json = new
                {
                    from = Text.Iso(report.From),
                    to = Text.Iso(report.To),
                    currency = report.NetIncome.Currency.Code,
                    revenue = StatementRows.Json(report.Revenue),
                    expenses = StatementRows.Json(report.Expenses),
                    totalRevenue = report.TotalRevenue.ToDecimalString(),
                    totalExpenses = report.TotalExpenses.ToDecimalString(),
                    netIncome = report.NetIncome.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Income statement {Text.Iso(report.From)} to {Text.Iso(report.To)} ({report.NetIncome.Currency.Code})");
            }));
        return command;
    }
}
