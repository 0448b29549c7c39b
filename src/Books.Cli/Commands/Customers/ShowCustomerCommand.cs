using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Customers;

internal static class ShowCustomerCommand
{
    private const string Help = """
        Shows a customer's details (with its tie to Billing: linked, or deleted in Billing), balance and open
        invoices. CSV has the details only; JSON has all.

        Example:
          books --file acme.books customers show "Maple Design"
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The customer to show." };
        var format = Options.Format();
        var command = new Command("show", Help) { name, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => read.Customers.FindByName(parsed.GetRequiredValue(name))
                .Map(c => (Customer: c, Balance: read.Customers.Balance(c.Id), Open: read.Sales.ForCustomer(c.Id, openOnly: true))),
            found =>
            {
                var (customer, balance, open) = found;
                var details = Details(customer, balance);
                var json = Json(customer, balance, open);
                if (parsed.GetValue(format) != OutputFormat.Table)
                {
                    return Show.Write(cli, parsed.GetValue(format), details, json);
                }

                Show.Table(cli, details);
                cli.Out.WriteLine();
                Show.Table(cli, OpenInvoices(open));
                return BooksApp.Done;
            }));
        return command;
    }

    private static Grid Details(Customer customer, Money.Money balance) =>
        new Grid(new Column("Field"), new Column("Value"))
            .Add("name", customer.Name)
            .Add("contact", customer.Contact ?? string.Empty)
            .Add("address", (customer.Address ?? string.Empty).ReplaceLineEndings(", "))
            .Add("email", customer.Email ?? string.Empty)
            .Add("phone", customer.Phone ?? string.Empty)
            .Add("currency", customer.Currency.Code)
            .Add("tax-code", customer.TaxCode ?? string.Empty)
            .Add("revenue-account", customer.RevenueAccount?.ToString() ?? string.Empty)
            .Add("terms", $"{customer.TermsDays} days")
            .Add("active", Text.YesNo(customer.Active))
            .Add("billing", BillingLink.Describe(customer))
            .Add("balance", balance.ToDecimalString());

    private static Grid OpenInvoices(IEnumerable<Invoice> open)
    {
        var invoices = new Grid(new Column("Invoice"), new Column("Date"), new Column("Due"), new Column("Currency"), Column.Amount("Total"), Column.Amount("Owing"));
        foreach (var invoice in open)
        {
            invoices.Add(invoice.Number, Text.Iso(invoice.Date), Text.Iso(invoice.DueDate), invoice.Currency.Code, invoice.Total.ToDecimalString(), invoice.Owing.ToDecimalString());
        }

        return invoices;
    }

    private static object Json(Customer customer, Money.Money balance, IEnumerable<Invoice> open) => new
    {
        name = customer.Name,
        contact = customer.Contact,
        address = customer.Address,
        email = customer.Email,
        phone = customer.Phone,
        currency = customer.Currency.Code,
        taxCode = customer.TaxCode,
        revenueAccount = customer.RevenueAccount?.ToString(),
        termsDays = customer.TermsDays,
        active = customer.Active,
        linkedToBilling = BillingLink.Linked(customer),
        deletedInBilling = customer.DeletedInBilling,
        balance = balance.ToDecimalString(),
        openInvoices = open.Select(invoice => new
        {
            number = invoice.Number,
            date = Text.Iso(invoice.Date),
            dueDate = Text.Iso(invoice.DueDate),
            currency = invoice.Currency.Code,
            total = invoice.Total.ToDecimalString(),
            owing = invoice.Owing.ToDecimalString(),
        }),
    };
}
