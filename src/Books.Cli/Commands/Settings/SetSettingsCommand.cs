using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Settings;

namespace BillingBooks.Books.Cli.Commands.Settings;

internal static class SetSettingsCommand
{
    private const string Help = """
        Changes company settings; give only the ones to change. All change together or none does.
        --fiscal-start alone makes the fiscal year one year long; the start moves only while nothing is
        posted (start the next year with `books year-end`). --lock-before DATE locks the books: nothing can
        be dated before DATE (or unlocks them back to DATE). --history-from DATE opens them before the
        current year, adding the earlier fiscal years. The home currency changes only while nothing is posted.
        Foreign currency turns off only while no invoice in a foreign currency still owes (their receipts need it).

        Example:
          books --file acme.books settings set --address "12 Main St, Halifax NS" --allow-foreign-currency on
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Option<string?>("--name") { Description = "The company's name.", HelpName = "NAME" };
        var address = new Option<string?>("--address") { Description = "The company's address.", HelpName = "ADDRESS" };
        var fiscalStart = Options.Date("--fiscal-start", "The first day of the fiscal year.");
        var fiscalEnd = Options.Date("--fiscal-end", "The last day of the fiscal year (a year after the start, less a day, if not given).");
        var lockBefore = Options.Date("--lock-before", "Nothing may be dated before this day (lock a finished year, or unlock back to it).");
        var history = Options.Date("--history-from", "Open the books for entries from this day, before the current fiscal year.");
        var currency = Options.Currency("--home-currency", "The home currency (only while nothing is posted).");
        var cashBasis = Options.OnOff("--cash-basis", "Use cash-basis accounting.");
        var foreign = Options.OnOff("--allow-foreign-currency", "Allow transactions in a foreign currency.");
        var command = new Command("set", Help) { name, address, fiscalStart, fiscalEnd, lockBefore, history, currency, cashBasis, foreign };
        command.SetAction(parsed =>
        {
            var changes = new List<Func<CompanySetup, Result<CompanySettings>>>();
            if (parsed.GetValue(name) is { } newName)
            {
                changes.Add(s => s.SetName(newName));
            }

            if (parsed.GetValue(address) is { } newAddress)
            {
                changes.Add(s => s.SetAddress(newAddress));
            }

            var start = parsed.GetValue(fiscalStart);
            var end = parsed.GetValue(fiscalEnd);
            if (start is not null || end is not null)
            {
                changes.Add(s =>
                {
                    var from = start ?? s.Get().FiscalYearStart;
                    return s.SetFiscalYear(from, end ?? from.AddYears(1).AddDays(-1));
                });
            }

            if (parsed.GetValue(history) is { } from)
            {
                changes.Add(s => s.SetHistoryFrom(from));
            }

            if (parsed.GetValue(lockBefore) is { } locked)
            {
                changes.Add(s => s.SetLockBefore(locked));
            }

            if (parsed.GetValue(currency) is { } home)
            {
                changes.Add(s => s.SetHomeCurrency(home));
            }

            if (parsed.GetValue(cashBasis) is { } cash)
            {
                changes.Add(s => s.SetCashBasis(cash == Toggle.On));
            }

            if (parsed.GetValue(foreign) is { } allow)
            {
                changes.Add(s => s.SetAllowForeignCurrency(allow == Toggle.On));
            }

            if (changes.Count == 0)
            {
                return cli.Refuse("nothing to change; give at least one setting, e.g. --name \"Acme Ltd\" (see 'books settings set --help')");
            }

            return cli.Write(
                parsed,
                write => changes.Aggregate(Result<CompanySettings>.Ok(write.Settings.Get()), (done, change) => done.Then(_ => change(write.Settings))),
                _ => cli.Said($"Settings changed ({changes.Count} setting{(changes.Count == 1 ? "" : "s")})."));
        });
        return command;
    }
}
