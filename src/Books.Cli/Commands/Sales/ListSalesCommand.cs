using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Sales;

internal static class ListSalesCommand
{
    private const string Help = """
        Lists invoices dated in a period (the fiscal year to date if not given), or one customer's invoices
        in force. --open: only those still owing.

        Example:
          books --file acme.books sales list --customer "Maple Design" --open
        """;

    public static Command Create(CliContext cli)
    {
        var customer = new Option<string?>("--customer") { Description = "Only this customer's invoices in force.", HelpName = "NAME" };
        var open = new Option<bool>("--open") { Description = "Only invoices still owing." };
        var period = new Period();
        var format = Options.Format();
        var command = new Command("list", Help) { customer, open, period.From, period.To, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => period.Get(parsed, read, cli.Today).Then(days =>
            {
                var names = read.Customers.List().ToDictionary(c => c.Id, c => c.Name);
                if (parsed.GetValue(customer) is { } name)
                {
                    return read.Customers.FindByName(name).Map(c => (names, read.Sales.ForCustomer(c.Id, parsed.GetValue(open)).Where(i => i.Date >= days.From && i.Date <= days.To).ToArray()));
                }

                var all = read.Sales.List(days.From, days.To).Where(i => !parsed.GetValue(open) || (!i.Reversed && i.Owing.IsPositive)).ToArray();
                return Result<(Dictionary<BillingBooks.Books.Customers.CustomerId, string>, Invoice[])>.Ok((names, all));
            }),
            found =>
            {
                var (names, invoices) = found;
                var grid = new Grid(new Column("Invoice"), new Column("Date"), new Column("Due"), new Column("Customer"), new Column("Currency"), Column.Amount("Total"), Column.Amount("Owing"), new Column("Status"));
                foreach (var invoice in invoices)
                {
                    grid.Add(invoice.Number, Text.Iso(invoice.Date), Text.Iso(invoice.DueDate), names[invoice.Customer], invoice.Currency.Code, invoice.Total.ToDecimalString(), invoice.Reversed ? string.Empty : invoice.Owing.ToDecimalString(), Status(invoice));
                }

                return Show.Write(cli, parsed.GetValue(format), grid, invoices.Select(i => InvoiceText.Json(i, names[i.Customer])));
            }));
        return command;
    }

    private static string Status(Invoice invoice) =>
        invoice.Reversed ? "reversed" : invoice.Owing.IsZero ? "paid" : invoice.Owing == invoice.Total ? "open" : "part paid";
}
