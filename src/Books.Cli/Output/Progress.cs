using Spectre.Console;

namespace BillingBooks.Books.Cli.Output;

/// <summary>A spinner for long work, shown only to a person at a terminal (never in pipes or tests).</summary>
internal static class Progress
{
    public static T Run<T>(CliContext cli, string what, Func<T> work)
    {
        if (!cli.Terminal.Interactive)
        {
            return work();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Err) });
        return console.Status().Start(what, _ => work());
    }
}
