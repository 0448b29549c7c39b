using System.CommandLine;

namespace BillingBooks.Books.Cli.Commands.Customers;

internal static class ActivateCustomerCommand
{
    private const string Help = """
        Makes an inactive customer active again.

        Example:
          books --file acme.books customers activate "Old Client Co"
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The customer to make active." };
        var command = new Command("activate", Help) { name };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Customers.FindByName(parsed.GetRequiredValue(name)).Then(c => write.Customers.SetActive(c.Id, active: true)),
            customer => cli.Said($"Customer {customer.Name} is active.")));
        return command;
    }
}
