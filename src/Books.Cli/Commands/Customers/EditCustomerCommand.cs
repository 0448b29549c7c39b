using System.CommandLine;

namespace BillingBooks.Books.Cli.Commands.Customers;

internal static class EditCustomerCommand
{
    private const string Help = """
        Changes a customer; give only what changes. The currency changes only while the customer has no
        entries.

        Example:
          books --file acme.books customers edit "Maple Design" --phone "902-555-0101" --terms 15
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The customer to change." };
        var newName = new Option<string?>("--name") { Description = "A new name for the customer.", HelpName = "NAME" };
        var fields = new CustomerOptions();
        var command = new Command("edit", Help) { name, newName };
        fields.AddTo(command);
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Customers.FindByName(parsed.GetRequiredValue(name)).Then(customer =>
            {
                var changed = fields.Apply(parsed, CustomerOptions.Fields(customer));
                return write.Customers.Update(customer.Id, changed with { Name = parsed.GetValue(newName) ?? changed.Name });
            }),
            customer => cli.Said($"Customer {customer.Name} changed.")));
        return command;
    }
}
