using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.Accounts;

internal static class DeleteAccountCommand
{
    private const string Help = """
        Deletes an account that nothing uses. An account with postings, or used by a tax, card, customer or
        linked role, is refused: make it inactive instead.

        Example:
          books --file acme.books accounts delete 4050
        """;

    public static Command Create(CliContext cli)
    {
        var number = Options.AccountArgument("NUMBER", "The account to delete.");
        var command = new Command("delete", Help) { number };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.Accounts.Delete(parsed.GetValue(number)),
            _ => cli.Said($"Deleted account {parsed.GetValue(number)}.")));
        return command;
    }
}
