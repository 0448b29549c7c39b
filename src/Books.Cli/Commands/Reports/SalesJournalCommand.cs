using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class SalesJournalCommand
{
    private const string Help = """
        The sales journal for a period (the fiscal year to date if not given): every invoice with its
        subtotal, tax and total in its currency, its home value, and the home total. An invoice reversed by
        the period's end says "reversed"; a reversal dated in the period is a row of its own ("reversal of
        ENTRY", amounts negated). The total counts every row, so it agrees with the ledger for the period.

        Example:
          books --file acme.books report sales-journal --from 2026-03-01 --to 2026-03-31
        """;

    public static Command Create(CliContext cli)
    {
        var period = new Period();
        var format = Options.Format();
        var command = new Command("sales-journal", Help) { period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Map(days => read.Reports.SalesJournal(days.From, days.To)),
            report =>
            {
                var grid = new Grid(new Column("Entry"), new Column("Date"), new Column("Invoice"), new Column("Customer"), new Column("Currency"), Column.Amount("Subtotal"), Column.Amount("Tax"), Column.Amount("Total"), Column.Amount("Home"), new Column("Status"));
                foreach (var row in report.Rows)
                {
                    grid.Add(row.Entry.ToString(), Text.Iso(row.Date), row.Number, row.Customer, row.Currency.Code, row.Subtotal.ToDecimalString(), row.Tax.ToDecimalString(), row.Total.ToDecimalString(), row.Home.ToDecimalString(), Text.ReversalStatus(row.Reversed, row.Reverses));
                }

                grid.AddFooter(string.Empty, string.Empty, string.Empty, "Total", report.TotalHome.Currency.Code, string.Empty, string.Empty, string.Empty, report.TotalHome.ToDecimalString(), string.Empty);
                var json = new
                {
                    from = Text.Iso(report.From),
                    to = Text.Iso(report.To),
                    currency = report.TotalHome.Currency.Code,
                    rows = report.Rows.Select(r => new
                    {
                        entry = r.Entry.Value,
                        date = Text.Iso(r.Date),
                        number = r.Number,
                        customer = r.Customer,
                        currency = r.Currency.Code,
                        subtotal = r.Subtotal.ToDecimalString(),
                        tax = r.Tax.ToDecimalString(),
                        total = r.Total.ToDecimalString(),
                        home = r.Home.ToDecimalString(),
                        reversed = r.Reversed,
                        reverses = r.Reverses?.Value,
                    }),
                    totalHome = report.TotalHome.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Sales journal {Text.Iso(report.From)} to {Text.Iso(report.To)}");
            }));
        return command;
    }
}
