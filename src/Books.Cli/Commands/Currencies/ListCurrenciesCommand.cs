using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Currencies;

internal static class ListCurrenciesCommand
{
    private const string Help = """
        Lists the home currency and the foreign currencies set up, with each one's latest exchange rate.

        Example:
          books --file acme.books currencies list
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("list", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read =>
            {
                var home = read.Settings.Get().HomeCurrency;
                var rows = new List<(string Code, string Name, string Kind, string RateDate, string Rate)> { (home.Code, home.Name, "home", "", "1") };
                foreach (var currency in read.ExchangeRates.Currencies())
                {
                    var latest = read.ExchangeRates.List(currency).LastOrDefault();
                    rows.Add((currency.Code, currency.Name, "foreign", latest is null ? "" : Text.Iso(latest.Date), latest is null ? "" : Text.Number(latest.Rate)));
                }

                return Result<List<(string Code, string Name, string Kind, string RateDate, string Rate)>>.Ok(rows);
            },
            rows =>
            {
                var grid = new Grid(new Column("Code"), new Column("Name"), new Column("Kind"), new Column("Rate date"), Column.Amount("Rate"));
                foreach (var row in rows)
                {
                    grid.Add(row.Code, row.Name, row.Kind, row.RateDate, row.Rate);
                }

                var json = rows.Select(r => new { code = r.Code, name = r.Name, kind = r.Kind, rateDate = r.RateDate.Length == 0 ? null : r.RateDate, rate = r.Rate.Length == 0 ? null : r.Rate });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
