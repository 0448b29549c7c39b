using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Currencies;

internal static class AddCurrencyCommand
{
    private const string Help = """
        Sets up a foreign currency, so customers, sales and receipts can use it (turn on
        `settings set --allow-foreign-currency on` too), then give it rates with `rates set`.

        Example:
          books --file acme.books currencies add USD
        """;

    public static Command Create(CliContext cli)
    {
        var code = Options.CurrencyArgument("CODE", "The currency's ISO code, e.g. USD.");
        var command = new Command("add", Help) { code };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.ExchangeRates.AddCurrency(parsed.GetRequiredValue(code)),
            currency => cli.Said($"Added foreign currency {currency.Code} ({currency.Name}).")));
        return command;
    }
}
