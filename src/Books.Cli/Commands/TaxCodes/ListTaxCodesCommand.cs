using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Taxes;

namespace BillingBooks.Books.Cli.Commands.TaxCodes;

internal static class ListTaxCodesCommand
{
    private const string Help = """
        Lists the tax codes a sale line or customer can use, with the taxes, rates and status in each.
        The code "" means no tax.

        Example:
          books --file acme.books tax-codes list
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("list", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<TaxCode>>.Ok(read.TaxCodes.List()),
            codes =>
            {
                var grid = new Grid(new Column("Code"), new Column("Description"), new Column("Taxes"));
                foreach (var code in codes)
                {
                    grid.Add(code.Code, code.Description, string.Join(", ", code.Taxes.Select(TaxSpec.Describe)));
                }

                var json = codes.Select(c => new
                {
                    code = c.Code,
                    description = c.Description,
                    taxes = c.Taxes.Select(t => new { tax = t.TaxName, rate = Text.Number(t.Rate), status = BillingBooks.Books.Taxes.TaxCodes.StatusName(t.Status) }),
                });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
