using System.CommandLine;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>Turns System.CommandLine's parse errors into one line that names the fix.</summary>
internal static class ParseErrors
{
    public static string Describe(ParseResult parsed)
    {
        var first = parsed.Errors[0].Message.TrimEnd().TrimEnd('.');
        var command = CommandPath(parsed);
        return $"{first} (see '{command} --help')";
    }

    public static string CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
