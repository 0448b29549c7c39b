using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Rates;

internal static class SetRateCommand
{
    private const string Help = """
        Sets the exchange rate of a foreign currency from a date: home-currency units per 1 unit of it.
        Setting a date again replaces its rate.

        Example:
          books --file acme.books rates set USD 2026-03-01 1.3575
        """;

    public static Command Create(CliContext cli)
    {
        var currency = Options.CurrencyArgument("CURRENCY", "The foreign currency, e.g. USD.");
        var date = Options.DateArgument("DATE", "The date the rate is in force from.");
        var rate = Options.DecimalArgument("RATE", "Home units per 1 foreign unit, e.g. 1.3575.");
        var command = new Command("set", Help) { currency, date, rate };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.ExchangeRates.SetRate(parsed.GetRequiredValue(currency), parsed.GetValue(date), parsed.GetValue(rate)),
            set => cli.Said($"{set.Currency.Code} is {Text.Number(set.Rate)} from {Text.Iso(set.Date)}.")));
        return command;
    }
}
