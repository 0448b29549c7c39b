using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Accounts;

internal static class ActivateAccountCommand
{
    private const string Help = """
        Makes an inactive account active again, so entries can post to it.

        Example:
          books --file acme.books accounts activate 1080
        """;

    public static Command Create(CliContext cli)
    {
        var number = Options.AccountArgument("NUMBER", "The account to make active.");
        var command = new Command("activate", Help) { number };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Accounts.SetActive(parsed.GetValue(number), active: true),
            account => cli.Said($"Account {account.Number} {account.Name} is active.")));
        return command;
    }
}
