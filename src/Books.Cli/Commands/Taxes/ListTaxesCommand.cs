using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Taxes;

namespace BillingBooks.Books.Cli.Commands.Taxes;

internal static class ListTaxesCommand
{
    private const string Help = """
        Lists the sales taxes: each one's name, the account that tracks tax charged, and whether other taxes
        are charged on it (compound tax).

        Example:
          books --file acme.books taxes list
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("list", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<Tax>>.Ok(read.Taxes.List()),
            taxes =>
            {
                var grid = new Grid(new Column("Name"), new Column("Account"), new Column("Taxable by others"));
                foreach (var tax in taxes)
                {
                    grid.Add(tax.Name, tax.Account.ToString(), Text.YesNo(tax.TaxableByOtherTaxes));
                }

                var json = taxes.Select(t => new { name = t.Name, account = t.Account.ToString(), taxableByOtherTaxes = t.TaxableByOtherTaxes });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
