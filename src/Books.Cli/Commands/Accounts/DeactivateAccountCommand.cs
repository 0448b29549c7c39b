using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Accounts;

internal static class DeactivateAccountCommand
{
    private const string Help = """
        Makes an account inactive: it keeps its history but takes no new postings. Linked accounts stay active.

        Example:
          books --file acme.books accounts deactivate 1080
        """;

    public static Command Create(CliContext cli)
    {
        var number = Options.AccountArgument("NUMBER", "The account to make inactive.");
        var command = new Command("deactivate", Help) { number };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Accounts.SetActive(parsed.GetValue(number), active: false),
            account => cli.Said($"Account {account.Number} {account.Name} is inactive.")));
        return command;
    }
}
