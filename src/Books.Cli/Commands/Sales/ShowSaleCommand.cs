using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Sales;

internal static class ShowSaleCommand
{
    private const string Help = """
        Shows an invoice in force: its lines, taxes, totals and what is still owing.

        Example:
          books --file acme.books sales show 1001 --format json
        """;

    public static Command Create(CliContext cli)
    {
        var number = new Argument<string>("NUMBER") { Description = "The invoice number." };
        var format = Options.Format();
        var command = new Command("show", Help) { number, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => InvoiceLookup.Find(read, parsed.GetRequiredValue(number)),
            found =>
            {
                var (invoice, customer) = found;
                var grid = new Grid(new Column("Description"), new Column("Tax code"), new Column("Account"), Column.Amount("Amount"));
                foreach (var line in invoice.Lines)
                {
                    grid.Add(line.Description, line.TaxCode, line.RevenueAccount.ToString(), line.Amount.ToDecimalString());
                }

                grid.AddFooter("Subtotal", string.Empty, string.Empty, invoice.Subtotal.ToDecimalString());
                foreach (var tax in invoice.Taxes)
                {
                    grid.AddFooter(tax.TaxName, string.Empty, string.Empty, tax.Amount.ToDecimalString());
                }

                grid.AddFooter($"Total {invoice.Currency.Code}", string.Empty, string.Empty, invoice.Total.ToDecimalString());
                grid.AddFooter("Owing", string.Empty, string.Empty, invoice.Owing.ToDecimalString());
                var shown = parsed.GetValue(format);
                if (shown == OutputFormat.Table)
                {
                    cli.Out.WriteLine($"Invoice {invoice.Number}  {customer.Name}  dated {Text.Iso(invoice.Date)}  due {Text.Iso(invoice.DueDate)}  entry {invoice.Entry}{(invoice.Reversed ? "  REVERSED" : string.Empty)}");
                    if (invoice.HomeTotal.Currency != invoice.Currency)
                    {
                        cli.Out.WriteLine($"Rate {Text.Number(invoice.Rate)}: total {invoice.HomeTotal.ToDecimalString()} {invoice.HomeTotal.Currency.Code}, owing {invoice.HomeOwing.ToDecimalString()} {invoice.HomeOwing.Currency.Code}");
                    }
                }

                return Show.Write(cli, shown, grid, InvoiceText.Json(invoice, customer.Name));
            }));
        return command;
    }
}
