using System.CommandLine;
using System.Text.RegularExpressions;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>
/// The engine's refusals tell the user which `books ...` command fixes things; each one must be a command
/// this CLI has, with options it takes, or the advice is a dead end.
/// </summary>
public sealed partial class EngineMessageTests
{
    [Fact]
    public void Every_command_an_engine_message_suggests_exists_in_the_cli()
    {
        var root = CommandRegistry.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, Terminal.None));
        var dead = new List<string>();
        foreach (var error in Samples())
        {
            foreach (Match suggestion in Suggestion().Matches(error.Message))
            {
                if (Problem(root, suggestion.Groups[1].Value) is { } problem)
                {
                    dead.Add($"{error.GetType().Name}: `books {suggestion.Groups[1].Value}` {problem}");
                }
            }
        }

        Assert.True(dead.Count == 0, string.Join('\n', dead));
    }

    /// <summary>Why the words do not make a command of the CLI, or null when they do.</summary>
    private static string? Problem(Command root, string words)
    {
        var command = root;
        var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        for (; i < tokens.Length && command.Subcommands.FirstOrDefault(c => c.Name == tokens[i]) is { } sub; i++)
        {
            command = sub;
        }

        if (command.Action is null)
        {
            return $"is not a command ('{(i < tokens.Length ? tokens[i] : "")}' is not a subcommand of '{command.Name}')";
        }

        var options = command.Options.Concat(root.Options).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        var unknown = tokens.Skip(i).Where(t => t.StartsWith("--", StringComparison.Ordinal) && !options.Contains(t)).ToArray();
        return unknown.Length == 0 ? null : $"has no option {string.Join(", ", unknown)}";
    }

    /// <summary>One of every refusal the engine defines, made with plausible values.</summary>
    private static IEnumerable<BooksError> Samples() =>
        typeof(BooksError).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(BooksError)) && !t.IsAbstract)
            .Select(t => t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First())
            .Select(c => (BooksError)c.Invoke(c.GetParameters().Select(p => Value(p.ParameterType)).ToArray()));

    private static object Value(Type type) =>
        type == typeof(string) ? "X"
        : type == typeof(int) ? 1080
        : type == typeof(int?) ? 2
        : type == typeof(bool) ? true
        : type == typeof(long) ? 7L
        : type == typeof(decimal) ? 1.3575m
        : type == typeof(DateOnly) ? new DateOnly(2026, 3, 31)
        : type == typeof(Money.Money) ? Money.Money.Of(1m, Money.Currency.CAD)
        : type == typeof(Journals.EntryId) ? new Journals.EntryId(7)
        : type == typeof(IReadOnlyList<Journals.EntryId>) ? new List<Journals.EntryId> { new(7) }
        : throw new InvalidOperationException($"No sample value for {type}; add one here.");

    [GeneratedRegex("`books ([^`]*)`")]
    private static partial Regex Suggestion();
}
