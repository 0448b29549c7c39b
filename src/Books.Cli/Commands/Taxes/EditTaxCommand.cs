using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Taxes;

internal static class EditTaxCommand
{
    private const string Help = """
        Changes a sales tax's account or whether other taxes are charged on it; give only what changes. Entries
        already posted keep their accounts and amounts. --taxable-by-others applies to every tax code with this
        tax (e.g. GST on: PEI's PST is charged on price plus GST, and so would every other tax in a code with GST).

        Example:
          books --file acme.books taxes edit PST-BC --account 2345
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The tax to change, e.g. GST." };
        var account = Options.Account("--account", "The liability account that tracks this tax charged from now on.");
        var taxable = Options.OnOff("--taxable-by-others", "Whether the other taxes of a code are charged on this tax too.");
        var command = new Command("edit", Help) { name, account, taxable };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Taxes.Get(parsed.GetRequiredValue(name)).Then(tax => write.Taxes.Update(tax.Name, tax with
            {
                Account = parsed.GetValue(account) ?? tax.Account,
                TaxableByOtherTaxes = parsed.GetValue(taxable) is { } toggle ? toggle == Toggle.On : tax.TaxableByOtherTaxes,
            })),
            tax => cli.Said($"Tax {tax.Name}: tracked in {tax.Account}, {(tax.TaxableByOtherTaxes ? "taxable" : "not taxable")} by other taxes.")));
        return command;
    }
}
