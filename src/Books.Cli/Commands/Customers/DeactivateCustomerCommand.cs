using System.CommandLine;

namespace BillingBooks.Books.Cli.Commands.Customers;

internal static class DeactivateCustomerCommand
{
    private const string Help = """
        Makes a customer inactive: the history stays, new sales to the customer are refused.

        Example:
          books --file acme.books customers deactivate "Old Client Co"
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The customer to make inactive." };
        var command = new Command("deactivate", Help) { name };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Customers.FindByName(parsed.GetRequiredValue(name)).Then(c => write.Customers.SetActive(c.Id, active: false)),
            customer => cli.Said($"Customer {customer.Name} is inactive.")));
        return command;
    }
}
