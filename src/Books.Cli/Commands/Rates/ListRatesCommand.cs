using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Settings;

namespace BillingBooks.Books.Cli.Commands.Rates;

internal static class ListRatesCommand
{
    private const string Help = """
        Lists exchange rates (home-currency units per 1 foreign unit) by date, for one currency or all.
        A document uses the latest rate on or before its date unless it gives its own.

        Example:
          books --file acme.books rates list --currency USD
        """;

    public static Command Create(CliContext cli)
    {
        var currency = Options.Currency("--currency", "Only this currency's rates.");
        var format = Options.Format();
        var command = new Command("list", Help) { currency, format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read =>
            {
                var only = parsed.GetValue(currency);
                var currencies = read.ExchangeRates.Currencies().Where(c => only is null || c == only);
                return Result<ExchangeRate[]>.Ok(currencies.SelectMany(read.ExchangeRates.List).ToArray());
            },
            rates =>
            {
                var grid = new Grid(new Column("Currency"), new Column("Date"), Column.Amount("Rate"));
                foreach (var rate in rates)
                {
                    grid.Add(rate.Currency.Code, Text.Iso(rate.Date), Text.Number(rate.Rate));
                }

                var json = rates.Select(r => new { currency = r.Currency.Code, date = Text.Iso(r.Date), rate = Text.Number(r.Rate) });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
