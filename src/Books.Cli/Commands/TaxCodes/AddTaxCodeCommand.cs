using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Taxes;

namespace BillingBooks.Books.Cli.Commands.TaxCodes;

internal static class AddTaxCodeCommand
{
    private const string Help = """
        Adds a tax code: the taxes it charges, each NAME:RATE (percent), optionally :exempt or :non-taxable.

        Example:
          books --file acme.books tax-codes add HN --tax "HST:15" --description "HST 15% (Nova Scotia)"
          books --file acme.books tax-codes add GP --tax "GST:5" --tax "PST:7"
        """;

    public static Command Create(CliContext cli)
    {
        var code = new Argument<string>("CODE") { Description = "The code, e.g. GP: up to 12 letters, digits, - . or _, not \"none\" (a sale line's word for no tax)." };
        var taxes = new Option<string[]>("--tax")
        {
            Description = $"A tax in the code, {TaxSpec.Shape}; repeat for more.",
            HelpName = "NAME:RATE",
            Arity = ArgumentArity.OneOrMore,
            Required = true,
        };
        var description = new Option<string?>("--description") { Description = "What the code means; made from its taxes if not given.", HelpName = "TEXT" };
        var command = new Command("add", Help) { code, taxes, description };
        command.SetAction(parsed =>
        {
            var parts = new List<TaxCodeTax>();
            foreach (var text in parsed.GetValue(taxes) ?? [])
            {
                if (!TaxSpec.TryParse(text, out var tax, out var error))
                {
                    return cli.Refuse(error);
                }

                parts.Add(tax);
            }

            var meaning = parsed.GetValue(description) ?? string.Join(" + ", parts.Select(TaxSpec.Describe));
            return cli.Write(
                parsed,
                write => write.TaxCodes.Add(new TaxCode(parsed.GetRequiredValue(code), meaning, parts)),
                added => cli.Said($"Added tax code {added.Code}: {added.Description}."));
        });
        return command;
    }
}
