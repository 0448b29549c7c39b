using System.CommandLine;
using BillingBooks.Books.Cli.Tests.Support;

namespace BillingBooks.Books.Cli.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly BooksRunner _books = new();

    /// <summary>Every runnable command, e.g. "sales post", in registry order.</summary>
    public static IEnumerable<string> CommandPaths() =>
        Leaves(CommandRegistry.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, Terminal.None)), []);

    public static TheoryData<string> Commands() => [.. CommandPaths()];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_with_a_description_and_an_example(string command)
    {
        var run = _books.Ok([.. command.Split(' '), "--help"]);
        Assert.Contains("Description:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Example", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"books {command}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_of_the_main_commands_is_pinned()
    {
        _books.Ok("--help");
        _books.Ok("sales", "--help");
        _books.Ok("sales", "post", "--help");
        _books.Ok("receipts", "post", "--help");
        _books.Ok("report", "trial-balance", "--help");
        Golden.Verify("help", _books.Transcript());
    }

    public void Dispose() => _books.Dispose();

    private static IEnumerable<string> Leaves(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] here = [.. path, sub.Name];
            if (sub.Subcommands.Count == 0)
            {
                yield return string.Join(' ', here);
            }
            else
            {
                foreach (var leaf in Leaves(sub, here))
                {
                    yield return leaf;
                }
            }
        }
    }
}
