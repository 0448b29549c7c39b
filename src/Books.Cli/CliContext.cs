using System.CommandLine;

namespace BillingBooks.Books.Cli;

/// <summary>
/// What every command needs from the outside world: its writers, environment, clock and terminal, plus the
/// global --file option. Refusals (exit 1) are written here and nowhere else.
/// </summary>
public sealed class CliContext
{
    public const string FileVariable = "BOOKS_FILE";

    public CliContext(TextWriter stdout, TextWriter stderr, IDictionary<string, string?> environment, TimeProvider time, Terminal terminal)
    {
        Out = stdout;
        Err = stderr;
        Environment = environment;
        Time = time;
        Terminal = terminal;
    }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    public IDictionary<string, string?> Environment { get; }

    public TimeProvider Time { get; }

    public Terminal Terminal { get; }

    public Option<string?> FileOption { get; } = new("--file", "-f")
    {
        Description = $"The company file to work on (or set {FileVariable}).",
        Recursive = true,
        HelpName = "FILE",
    };

    /// <summary>Today in the user's local time zone: the default date of new entries and reports.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetLocalNow().DateTime);

    /// <summary>Writes "error: ..." to stderr and returns exit code 1.</summary>
    public int Refuse(string message)
    {
        Err.WriteLine($"error: {message}");
        return BooksApp.Refused;
    }

    /// <summary>The company file named by --file, else by BOOKS_FILE.</summary>
    public bool TryGetCompanyPath(ParseResult parsed, out string path)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var given = parsed.GetValue(FileOption);
        if (string.IsNullOrWhiteSpace(given) && Environment.TryGetValue(FileVariable, out var fromEnvironment))
        {
            given = fromEnvironment;
        }

        path = given ?? string.Empty;
        return !string.IsNullOrWhiteSpace(given);
    }
}
