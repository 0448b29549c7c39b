using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Taxes;

namespace BillingBooks.Books.Cli.Commands.Taxes;

internal static class AddTaxCommand
{
    private const string Help = """
        Adds a sales tax, tracked in a liability account. --taxable-by-others: the other taxes of a code are
        charged on the price plus this tax.

        Example:
          books --file acme.books taxes add "PST-BC" --account 2340
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The tax's name, e.g. GST." };
        var account = Options.Account("--account", "The liability account that tracks this tax charged.");
        account.Required = true;
        var taxable = new Option<bool>("--taxable-by-others") { Description = "Other taxes are charged on this tax too." };
        var command = new Command("add", Help) { name, account, taxable };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Taxes.Add(new Tax(parsed.GetRequiredValue(name), parsed.GetValue(account) ?? default, parsed.GetValue(taxable))),
            tax => cli.Said($"Added tax {tax.Name}, tracked in {tax.Account}.")));
        return command;
    }
}
