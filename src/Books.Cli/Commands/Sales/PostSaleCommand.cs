using System.CommandLine;

namespace BillingBooks.Books.Cli.Commands.Sales;

internal static class PostSaleCommand
{
    private const string Help = """
        Posts a sales invoice: Dr Accounts Receivable, Cr revenue for each line, Cr each tax's account.
        Lines are "DESCRIPTION;AMOUNT[;TAXCODE[;ACCOUNT]]" (empty tax code = the customer's, "none" = no tax;
        no account = the customer's revenue account, else Default Revenue), or a JSON file with --from.
        A foreign-currency invoice uses --rate, else the rate on file for its date: its receivable is the
        total converted once, each line and tax is converted on its own, and the cent or so by which they
        differ goes to the Rounding linked account.

        Examples:
          books --file acme.books sales post --customer "Maple Design" --number 1001 --date 2026-03-02 \
            --line "Logo design;800.00;H" --line "Business cards;200.00;H;4200"
          books --file acme.books sales post --customer "Yankee Corp" --number 1002 --currency USD --rate 1.35 \
            --from lines.json
        """;

    public static Command Create(CliContext cli)
    {
        var customer = new Option<string>("--customer") { Description = "The customer's name.", Required = true, HelpName = "NAME" };
        var number = new Option<string>("--number") { Description = "The invoice number (unique among invoices in force).", Required = true, HelpName = "NUMBER" };
        var sale = new SaleOptions();
        var command = new Command("post", Help) { customer, number };
        sale.AddTo(command);
        command.SetAction(parsed =>
        {
            if (!sale.TryReadLines(parsed, out var lines, out var error))
            {
                return cli.Refuse(error);
            }

            var date = parsed.GetValue(sale.Date) ?? cli.Today;
            return cli.Write(
                parsed,
                write => write.Customers.FindByName(parsed.GetRequiredValue(customer))
                    .Then(found => sale.Draft(parsed, write, found, parsed.GetRequiredValue(number), date, lines)
                        .Then(write.Sales.Post)
                        .Map(invoice => (Invoice: invoice, Customer: found.Name))),
                posted => cli.Said("Posted " + InvoiceText.Summary(posted.Invoice, posted.Customer) + "."));
        });
        return command;
    }
}
