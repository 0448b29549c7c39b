using System.CommandLine;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.LinkedAccounts;

internal static class SetLinkedAccountCommand
{
    private const string Help = """
        Links a role to an account. Roles: accounts-receivable, default-revenue, principal-bank,
        exchange-gain-loss, rounding, retained-earnings, current-earnings. The account must be active and of
        the type the role needs (e.g. principal-bank an asset).

        Example:
          books --file acme.books linked-accounts set principal-bank 1080
        """;

    public static Command Create(CliContext cli)
    {
        var role = new Argument<string>("ROLE") { Description = "The linked role, e.g. principal-bank." };
        var number = Options.AccountArgument("NUMBER", "The account to link.");
        var command = new Command("set", Help) { role, number };
        command.SetAction(parsed =>
        {
            var typed = parsed.GetRequiredValue(role);
            if (!LinkedRoles.TryParse(typed, out var linked))
            {
                return cli.Refuse($"ROLE: '{typed}' is not a linked role; use one of {LinkedRoles.All}");
            }

            return cli.Write(
                parsed,
                write => write.LinkedAccounts.Set(linked, parsed.GetValue(number)),
                _ => cli.Said($"{LinkedRoles.Name(linked)} is now account {parsed.GetValue(number)}."));
        });
        return command;
    }
}
