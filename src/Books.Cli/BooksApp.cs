using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli;

/// <summary>
/// The whole program as a function of its inputs, so tests run it in-process with captured writers, a fixed
/// clock and their own environment. Exit codes: 0 done, 1 refused (bad input or a rule of the books),
/// 70 a bug (with its stack trace), 130 interrupted (Ctrl-C) by a command that stopped cleanly.
/// </summary>
public static class BooksApp
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Bug = 70;
    public const int Interrupted = 130;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IDictionary<string, string?> environment, TimeProvider time, Terminal? terminal = null, Interruption? interruption = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var cli = new CliContext(stdout, stderr, environment, time, terminal ?? Terminal.None) { Interruption = interruption ?? Interruption.None };
        try
        {
            var root = CommandRegistry.BuildRoot(cli);
            foreach (var help in root.Options.OfType<HelpOption>())
            {
                // A fixed width keeps help the same in a pipe, a test and an 80-column terminal.
                help.Action = new HelpAction { MaxWidth = 120 };
            }

            var parsed = root.Parse(args);
            if (parsed.Action is ParseErrorAction)
            {
                return cli.Refuse(ParseErrors.Describe(parsed));
            }

            if (parsed.Action is HelpAction)
            {
                using var help = new StringWriter(CultureInfo.InvariantCulture);
                parsed.Invoke(new InvocationConfiguration { Output = help, Error = stderr, EnableDefaultExceptionHandler = false });
                stdout.Write(CommandList.Shorten(help.ToString()));
                return Done;
            }

            // Signals are Interruption's alone: System.CommandLine's own handler (on unless the timeout is null)
            // would return 130 two seconds after Ctrl-C whatever the command was doing, without a word.
            var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return parsed.InvokeAsync(invocation, cli.Interruption.Token).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // The one place a bug becomes exit code 70 with its stack trace, never a quiet failure.
        catch (Exception bug)
#pragma warning restore CA1031
        {
            stderr.WriteLine("books: internal error (this is a bug; please report it with the trace below)");
            stderr.WriteLine(bug);
            return Bug;
        }
    }
}
