using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Cli.Commands.Company;

internal static class NewCompanyCommand
{
    private const string Help = """
        Creates a company file. It starts with a Canadian small-business chart of accounts, the usual sales
        taxes and tax codes, and its linked accounts set. The file must not exist yet. --history-from opens
        the books before the current fiscal year (e.g. to import two years of invoices from Billing): the
        earlier fiscal years are kept and entries may be dated from that day.

        Examples:
          books new acme.books --name "Acme Ltd" --currency CAD --fiscal-start 2026-01-01
          books new acme.books --name "Acme Ltd" --fiscal-start 2026-01-01 --history-from 2024-01-01
        """;

    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "The company file to create, e.g. acme.books." };
        var name = new Option<string>("--name") { Description = "The company's name.", Required = true, HelpName = "NAME" };
        var currency = Options.Currency("--currency", "The home currency (ISO code); CAD if not given.");
        var fiscalStart = Options.Date("--fiscal-start", "The first day of the fiscal year; January 1 of this year if not given.");
        var history = Options.Date("--history-from", "The first day entries may be dated, before the fiscal year (the fiscal year's start if not given).");
        var command = new Command("new", Help) { file, name, currency, fiscalStart, history };
        command.SetAction(parsed =>
        {
            var path = parsed.GetRequiredValue(file);
            var company = new NewCompany(parsed.GetRequiredValue(name), parsed.GetValue(currency), parsed.GetValue(fiscalStart), HistoryFrom: parsed.GetValue(history));
            if (!CompanyFile.Create(path, company, cli.Time).TryGetValue(out var created, out var error))
            {
                return cli.Fail(error);
            }

            using (created)
            {
                var settings = created.Read(read => read.Settings.Get());
                var history = settings.LockedBefore < settings.FiscalYearStart ? $" Open for entries from {Options.Iso(settings.LockedBefore)}." : "";
                cli.Out.WriteLine($"Created {path}: {settings.Name}, home currency {settings.HomeCurrency.Code}, fiscal year {Options.Iso(settings.FiscalYearStart)} to {Options.Iso(settings.FiscalYearEnd)}.{history}");
            }

            return BooksApp.Done;
        });
        return command;
    }
}
