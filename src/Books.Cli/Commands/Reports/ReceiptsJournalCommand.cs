using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Commands.Receipts;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class ReceiptsJournalCommand
{
    private const string Help = """
        The receipts journal for a period (the fiscal year to date if not given): every receipt with its
        method, amount, card fee, home value and the invoices it paid, and the home total. A receipt
        reversed by the period's end says "reversed"; a reversal dated in the period is a row of its own
        ("reversal of ENTRY", amounts negated). The total counts every row, so it agrees with the ledger.

        Example:
          books --file acme.books report receipts-journal --format csv
        """;

    public static Command Create(CliContext cli)
    {
        var period = new Period();
        var format = Options.Format();
        var command = new Command("receipts-journal", Help) { period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Map(days =>
            {
                var report = read.Reports.ReceiptsJournal(days.From, days.To);
                var receipts = read.Receipts.List(days.From, days.To).ToDictionary(r => r.Entry);
                // A reversal's row names the receipt it reverses, which may be dated before the period.
                foreach (var reversed in report.Rows.Select(r => r.Reverses).OfType<EntryId>().Where(e => !receipts.ContainsKey(e)))
                {
                    receipts[reversed] = read.Receipts.Get(reversed).Value;
                }

                return (Report: report, Receipts: receipts);
            }),
            found =>
            {
                // The report's rows say "card"; the receipts themselves know which card.
                var (report, receipts) = found;
                var grid = new Grid(new Column("Entry"), new Column("Date"), new Column("Customer"), new Column("Method"), new Column("Reference"), Column.Amount("Amount"), Column.Amount("Fee"), Column.Amount("Home"), new Column("Invoices"), new Column("Status"));
                foreach (var row in report.Rows)
                {
                    grid.Add(row.Entry.ToString(), Text.Iso(row.Date), row.Customer, receipts.TryGetValue(row.Reverses ?? row.Entry, out var receipt) ? ReceiptText.Method(receipt) : ReceiptsJournal.MethodName(row.Method), row.Reference ?? string.Empty, $"{row.Amount.ToDecimalString()} {row.Amount.Currency.Code}", row.Fee.ToDecimalString(), row.Home.ToDecimalString(), string.Join(' ', row.Invoices), Text.ReversalStatus(row.Reversed, row.Reverses));
                }

                grid.AddFooter(string.Empty, string.Empty, "Total", string.Empty, string.Empty, string.Empty, string.Empty, report.TotalHome.ToDecimalString(), string.Empty, string.Empty);
                var json = new
                {
                    from = Text.Iso(report.From),
                    to = Text.Iso(report.To),
                    currency = report.TotalHome.Currency.Code,
                    rows = report.Rows.Select(r => new
                    {
                        entry = r.Entry.Value,
                        date = Text.Iso(r.Date),
                        customer = r.Customer,
                        method = ReceiptsJournal.MethodName(r.Method),
                        creditCard = receipts.GetValueOrDefault(r.Reverses ?? r.Entry)?.CreditCard,
                        reference = r.Reference,
                        amount = r.Amount.ToDecimalString(),
                        amountCurrency = r.Amount.Currency.Code,
                        fee = r.Fee.ToDecimalString(),
                        home = r.Home.ToDecimalString(),
                        invoices = r.Invoices,
                        reversed = r.Reversed,
                        reverses = r.Reverses?.Value,
                    }),
                    totalHome = report.TotalHome.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Receipts journal {Text.Iso(report.From)} to {Text.Iso(report.To)}");
            }));
        return command;
    }
}
