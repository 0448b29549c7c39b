using System.CommandLine;
using System.CommandLine.Parsing;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>Turns System.CommandLine's parse errors into one line that names the fix.</summary>
internal static class ParseErrors
{
    public static string Describe(ParseResult parsed)
    {
        var command = CommandPath(parsed);
        var commandOnly = parsed.CommandResult.Command;

        // An unknown word explains more than the missing command it displaced, so it goes first.
        if (parsed.UnmatchedTokens.Count > 0)
        {
            return $"'{parsed.UnmatchedTokens[0]}' is not an option or command of '{command}' (see '{command} --help')";
        }

        if (parsed.Errors.All(e => e.SymbolResult is CommandResult) && commandOnly.Subcommands.Count > 0 && commandOnly.Action is null)
        {
            return $"'{command}' needs a command: {string.Join(", ", commandOnly.Subcommands.Select(c => c.Name))} (see '{command} --help')";
        }

        var first = parsed.Errors[0].Message.TrimEnd().TrimEnd('.');
        return $"{first} (see '{command} --help')";
    }

    public static string CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Push(result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
