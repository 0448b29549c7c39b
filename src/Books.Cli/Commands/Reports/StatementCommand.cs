using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class StatementCommand
{
    private const string Help = """
        A customer statement for a period (the fiscal year to date if not given): the opening balance, each
        invoice, receipt and reversal with the running balance, and the closing balance (home currency;
        foreign documents also show their own amount).

        Example:
          books --file acme.books report statement --customer "Maple Design" --from 2026-03-01
        """;

    public static Command Create(CliContext cli)
    {
        var customer = new Option<string>("--customer") { Description = "The customer.", Required = true, HelpName = "NAME" };
        var period = new Period();
        var format = Options.Format();
        var command = new Command("statement", Help) { customer, period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Then(days =>
                read.Customers.FindByName(parsed.GetRequiredValue(customer)).Then(found => read.Reports.CustomerStatement(found.Id, days.From, days.To))),
            statement =>
            {
                var grid = new Grid(new Column("Date"), new Column("Entry"), new Column("Kind"), new Column("Reference"), Column.Amount("Document"), Column.Amount("Amount"), Column.Amount("Balance"));
                grid.Add(Text.Iso(statement.From), string.Empty, string.Empty, "Opening balance", string.Empty, string.Empty, statement.Opening.ToDecimalString());
                foreach (var line in statement.Lines)
                {
                    var document = line.DocumentAmount is { } d ? $"{d.ToDecimalString()} {d.Currency.Code}" : string.Empty;
                    grid.Add(Text.Iso(line.Date), line.Entry.ToString(), Text.Kind(line.Kind), line.Reference, document, line.Amount.ToDecimalString(), line.Balance.ToDecimalString());
                }

                grid.AddFooter(Text.Iso(statement.To), string.Empty, string.Empty, "Closing balance", string.Empty, string.Empty, statement.Closing.ToDecimalString());
                var json = new
                {
                    customer = statement.Customer.Name,
                    from = Text.Iso(statement.From),
                    to = Text.Iso(statement.To),
                    currency = statement.Closing.Currency.Code,
                    opening = statement.Opening.ToDecimalString(),
                    lines = statement.Lines.Select(l => new
                    {
                        date = Text.Iso(l.Date),
                        entry = l.Entry.Value,
                        kind = Text.Kind(l.Kind),
                        reference = l.Reference,
                        amount = l.Amount.ToDecimalString(),
                        documentAmount = l.DocumentAmount?.ToDecimalString(),
                        documentCurrency = l.DocumentAmount?.Currency.Code,
                        balance = l.Balance.ToDecimalString(),
                    }),
                    closing = statement.Closing.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Statement for {statement.Customer.Name}, {Text.Iso(statement.From)} to {Text.Iso(statement.To)} ({statement.Closing.Currency.Code})");
            }));
        return command;
    }
}
