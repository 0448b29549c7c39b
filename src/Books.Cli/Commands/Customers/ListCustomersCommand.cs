using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Customers;

namespace BillingBooks.Books.Cli.Commands.Customers;

internal static class ListCustomersCommand
{
    private const string Help = """
        Lists customers with their currency, default tax code, terms, what each owes: in home currency
        (Balance) and in the customer's own currency (Own currency, e.g. USD for a US customer; empty while
        it owes on invoices in another currency, which do not add into one sum), and their tie to Billing:
        linked (imported by `books sync`) or deleted in Billing (kept in Books).

        Example:
          books --file acme.books customers list --active
        """;

    public static Command Create(CliContext cli)
    {
        var activeOnly = new Option<bool>("--active") { Description = "Only active customers." };
        var format = Options.Format();
        var command = new Command("list", Help) { activeOnly, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<(Customer Customer, Money.Money Balance, Money.Money? Own)[]>.Ok(
                read.Customers.List(includeInactive: !parsed.GetValue(activeOnly)).Select(c => (c, read.Customers.Balance(c.Id), read.Customers.BalanceInCustomerCurrency(c))).ToArray()),
            customers =>
            {
                var grid = new Grid(new Column("Name"), new Column("Currency"), new Column("Tax code"), Column.Amount("Terms"), Column.Amount("Balance"), Column.Amount("Own currency"), new Column("Active"), new Column("Billing"));
                foreach (var (customer, balance, own) in customers)
                {
                    grid.Add(customer.Name, customer.Currency.Code, customer.TaxCode ?? string.Empty, Text.Number(customer.TermsDays), balance.ToDecimalString(), Text.WithCode(own), Text.YesNo(customer.Active), BillingLink.Describe(customer));
                }

                var json = customers.Select(c => new
                {
                    name = c.Customer.Name,
                    currency = c.Customer.Currency.Code,
                    taxCode = c.Customer.TaxCode,
                    termsDays = c.Customer.TermsDays,
                    balance = c.Balance.ToDecimalString(),
                    balanceInCustomerCurrency = c.Own?.ToDecimalString(),
                    active = c.Customer.Active,
                    linkedToBilling = BillingLink.Linked(c.Customer),
                    deletedInBilling = c.Customer.DeletedInBilling,
                });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
