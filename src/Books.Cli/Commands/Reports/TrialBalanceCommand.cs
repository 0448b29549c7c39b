using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Reports;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class TrialBalanceCommand
{
    private const string Help = """
        The trial balance: every account with a balance, as a debit or a credit, in the home currency, and
        the totals (always equal). JSON: {"asOf","currency","rows":[{"number","name","debit","credit"}],
        "totalDebit","totalCredit"} with amounts as strings.

        Example:
          books --file acme.books report trial-balance --as-of 2026-03-31 --format json
        """;

    public static Command Create(CliContext cli)
    {
        var asOf = ReportDates.AsOf();
        var format = Options.Format();
        var command = new Command("trial-balance", Help) { asOf, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<TrialBalance>.Ok(read.Reports.TrialBalance(parsed.GetValue(asOf) ?? cli.Today)),
            report =>
            {
                var grid = new Grid(new Column("Number"), new Column("Name"), Column.Amount("Debit"), Column.Amount("Credit"));
                foreach (var row in report.Rows)
                {
                    grid.Add(row.Number.ToString(), row.Name, row.Debit.ToDecimalString(), row.Credit.ToDecimalString());
                }

                grid.AddFooter(string.Empty, "Total", report.TotalDebit.ToDecimalString(), report.TotalCredit.ToDecimalString());
                var json = new
                {
                    asOf = Text.Iso(report.AsOf),
                    currency = report.TotalDebit.Currency.Code,
                    rows = report.Rows.Select(r => new { number = r.Number.ToString(), name = r.Name, debit = r.Debit.ToDecimalString(), credit = r.Credit.ToDecimalString() }),
                    totalDebit = report.TotalDebit.ToDecimalString(),
                    totalCredit = report.TotalCredit.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Trial balance as of {Text.Iso(report.AsOf)} ({report.TotalDebit.Currency.Code})");
            }));
        return command;
    }
}
