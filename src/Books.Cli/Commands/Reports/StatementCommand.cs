using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Reports;

internal static class StatementCommand
{
    private const string Help = """
        A customer statement for a period (the fiscal year to date if not given): the opening balance, each
        invoice, receipt and reversal with the running balance, and the closing balance (home currency;
        foreign documents also show their own amount). The Own currency column runs the balance in the
        customer's currency (e.g. USD for a US customer); it is empty while part of what the customer owes
        is in documents of another currency, which do not add into one sum.

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
                var grid = new Grid(new Column("Date"), new Column("Entry"), new Column("Kind"), new Column("Reference"), Column.Amount("Document"), Column.Amount("Amount"), Column.Amount("Balance"), Column.Amount("Own currency"));
                grid.Add(Text.Iso(statement.From), string.Empty, string.Empty, "Opening balance", string.Empty, string.Empty, statement.Opening.ToDecimalString(), Text.WithCode(statement.OpeningInCustomerCurrency));
                foreach (var line in statement.Lines)
                {
                    var document = Text.WithCode(line.DocumentAmount);
                    grid.Add(Text.Iso(line.Date), line.Entry.ToString(), Text.Kind(line.Kind), line.Reference, document, line.Amount.ToDecimalString(), line.Balance.ToDecimalString(), Text.WithCode(line.BalanceInCustomerCurrency));
                }

                grid.AddFooter(Text.Iso(statement.To), string.Empty, string.Empty, "Closing balance", string.Empty, string.Empty, statement.Closing.ToDecimalString(), Text.WithCode(statement.ClosingInCustomerCurrency));
                var json = new
                {
                    customer = statement.Customer.Name,
                    from = Text.Iso(statement.From),
                    to = Text.Iso(statement.To),
                    currency = statement.Closing.Currency.Code,
                    customerCurrency = statement.Customer.Currency.Code,
                    opening = statement.Opening.ToDecimalString(),
                    openingInCustomerCurrency = statement.OpeningInCustomerCurrency?.ToDecimalString(),
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
                        balanceInCustomerCurrency = l.BalanceInCustomerCurrency?.ToDecimalString(),
                    }),
                    closing = statement.Closing.ToDecimalString(),
                    closingInCustomerCurrency = statement.ClosingInCustomerCurrency?.ToDecimalString(),
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json, $"Statement for {statement.Customer.Name}, {Text.Iso(statement.From)} to {Text.Iso(statement.To)} ({statement.Closing.Currency.Code})");
            }));
        return command;
    }
}
