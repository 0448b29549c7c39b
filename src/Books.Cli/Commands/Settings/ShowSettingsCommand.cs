using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Settings;

namespace BillingBooks.Books.Cli.Commands.Settings;

internal static class ShowSettingsCommand
{
    private const string Help = """
        Shows the company settings: name, address, home currency, the current fiscal year, the day before
        which the books are locked, every fiscal year kept, cash-basis accounting and whether transactions in
        a foreign currency are allowed.

        Example:
          books --file acme.books settings show --format json
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("show", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<CompanySettings>.Ok(read.Settings.Get()),
            settings =>
            {
                var grid = new Grid(new Column("Setting"), new Column("Value"))
                    .Add("name", settings.Name)
                    .Add("address", settings.Address.ReplaceLineEndings(", "))
                    .Add("home-currency", settings.HomeCurrency.Code)
                    .Add("fiscal-start", Text.Iso(settings.FiscalYearStart))
                    .Add("fiscal-end", Text.Iso(settings.FiscalYearEnd))
                    .Add("lock-before", Text.Iso(settings.LockedBefore))
                    .Add("fiscal-years", string.Join(", ", settings.FiscalYears.Select(y => $"{Text.Iso(y.Start)} to {Text.Iso(y.End)}")))
                    .Add("cash-basis", Text.OnOff(settings.CashBasis))
                    .Add("allow-foreign-currency", Text.OnOff(settings.AllowForeignCurrency));
                var json = new
                {
                    settings.Name,
                    settings.Address,
                    homeCurrency = settings.HomeCurrency.Code,
                    fiscalStart = Text.Iso(settings.FiscalYearStart),
                    fiscalEnd = Text.Iso(settings.FiscalYearEnd),
                    lockBefore = Text.Iso(settings.LockedBefore),
                    fiscalYears = settings.FiscalYears.Select(y => new { start = Text.Iso(y.Start), end = Text.Iso(y.End) }).ToArray(),
                    settings.CashBasis,
                    allowForeignCurrency = settings.AllowForeignCurrency,
                };
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
