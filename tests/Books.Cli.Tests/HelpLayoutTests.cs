using System.CommandLine;

namespace BillingBooks.Books.Cli.Tests;

/// <summary>Help reads as written: no description line is re-wrapped by the 120-column help layout.</summary>
public sealed class HelpLayoutTests
{
    // The help is 120 columns wide and indents the description by 2.
    private const int DescriptionWidth = 118;

    public static TheoryData<string> Commands() => [.. HelpTests.CommandPaths()];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_description_line_fits_the_help_width_so_its_line_breaks_stay_where_they_were_written(string command)
    {
        var found = Find(command);
        var tooLong = (found.Description ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Where(line => line.Length > DescriptionWidth).ToList();
        Assert.True(tooLong.Count == 0, $"books {command}: wrapped by the help layout:\n{string.Join('\n', tooLong)}");
    }

    [Fact]
    public void Sync_help_names_the_default_server()
    {
        Assert.Contains("http://127.0.0.1:5080", Find("sync").Description, StringComparison.Ordinal);
    }

    private static Command Find(string path)
    {
        Command command = CommandRegistry.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, Terminal.None));
        foreach (var name in path.Split(' ')) command = command.Subcommands.Single(c => c.Name == name);
        return command;
    }
}
