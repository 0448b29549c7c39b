using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Company;

/// <summary>Simply's Start New Year: the next fiscal year becomes current; the one that ends stays open until locked.</summary>
internal static class YearEndCommand
{
    private const string Help = """
        Starts the next fiscal year (Start New Year). It becomes the current year, one year long, and entries
        may be dated in it. The year that ends stays open for late entries until you lock it with
        `books settings set --lock-before DATE`. Reports close each fiscal year's revenue and expenses into
        Retained Earnings by themselves; nothing is posted. It runs from the day after the current year ends;
        --before-year-end starts the next year earlier (once entries are posted in it, that cannot be undone).

        Example:
          books --file acme.books year-end
        """;

    public static Command Create(CliContext cli)
    {
        var beforeYearEnd = new Option<bool>("--before-year-end") { Description = "Start the next year before the current one has ended." };
        var command = new Command("year-end", Help) { beforeYearEnd };
        command.SetAction(parsed =>
        {
            DateOnly ended = default;
            return cli.Write(
                parsed,
                write =>
                {
                    ended = write.Settings.Get().FiscalYearEnd;
                    return write.Settings.StartNewYear(parsed.GetValue(beforeYearEnd));
                },
                settings => cli.Said(
                    $"The fiscal year {Options.Iso(settings.FiscalYearStart)} to {Options.Iso(settings.FiscalYearEnd)} is now current. " +
                    $"The year that ended on {Options.Iso(ended)} stays open for late entries; lock it when it is final with `books settings set --lock-before {Options.Iso(settings.FiscalYearStart)}`."));
        });
        return command;
    }
}
