using System.CommandLine;
using BillingBooks.Books.Customers;

namespace BillingBooks.Books.Cli.Commands.Customers;

internal static class AddCustomerCommand
{
    private const string Help = """
        Adds a customer. Names are unique. A customer invoiced in a foreign currency needs foreign currency
        allowed (`settings set --allow-foreign-currency on`) and the currency added (`currencies add`).

        Example:
          books --file acme.books customers add "Maple Design" --tax-code GP --terms 30 --email ap@maple.example
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The customer's name." };
        var fields = new CustomerOptions();
        var command = new Command("add", Help) { name };
        fields.AddTo(command);
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Customers.Add(fields.Apply(parsed, new CustomerFields(parsed.GetRequiredValue(name)))),
            customer => cli.Said($"Added customer {customer.Name} ({customer.Currency.Code}, terms {customer.TermsDays} days).")));
        return command;
    }
}
