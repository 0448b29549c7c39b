using System.CommandLine;
using BillingBooks.Books.Checks;
using BillingBooks.Books.Storage;

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

    /// <summary>Ctrl-C: a command that stops cleanly on it takes it with <see cref="Interruption.Handle"/>.</summary>
    public Interruption Interruption { get; init; } = Interruption.None;

    public Option<string?> FileOption { get; } = new("--file", "-f")
    {
        Description = $"The company file to work on (or set {FileVariable}).",
        Recursive = true,
        HelpName = "FILE",
    };

    /// <summary>Today in the user's local time zone: the default date of new entries and reports.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetLocalNow().DateTime);

    /// <summary>Writes one line of confirmation to stdout and returns exit code 0.</summary>
    public int Said(string line)
    {
        Out.WriteLine(line);
        return BooksApp.Done;
    }

    /// <summary>Writes "error: ..." to stderr and returns exit code 1.</summary>
    public int Refuse(string message)
    {
        Err.WriteLine($"error: {message}");
        return BooksApp.Refused;
    }

    /// <summary>Writes "error: ..." (what was kept, what to run next) to stderr and returns exit code 130.</summary>
    public int Interrupted(string message)
    {
        Err.WriteLine($"error: {message}");
        return BooksApp.Interrupted;
    }

    /// <summary>The one place an engine refusal becomes "error: ..." on stderr and exit code 1.</summary>
    public int Fail(BooksError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Refuse(error.Message);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction of the company file (nothing is written unless it
    /// succeeds), then reports its value with <paramref name="done"/>.
    /// </summary>
    public int Write<T>(ParseResult parsed, Func<BooksWrite, Result<T>> work, Func<T, int> done) =>
        WithCompany(parsed, company => company.Write(work).TryGetValue(out var value, out var error) ? done(value) : Fail(error));

    /// <summary>Reads a consistent snapshot of the company file and shows it with <paramref name="show"/>.</summary>
    public int Read<T>(ParseResult parsed, Func<BooksRead, Result<T>> read, Func<T, int> show) =>
        WithCompany(parsed, company => company.Read(read).TryGetValue(out var value, out var error) ? show(value) : Fail(error));

    public int WithCompany(ParseResult parsed, Func<CompanyFile, int> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!TryGetCompanyPath(parsed, out var path))
        {
            return Refuse($"no company file given; pass --file FILE or set {FileVariable}=FILE (create one with `books new FILE --name NAME`)");
        }

        if (!CompanyFile.Open(path, Time).TryGetValue(out var company, out var error))
        {
            return Fail(error);
        }

        using (company)
        {
            if (company.UpgradeBackupPath is { } backup)
            {
                Err.WriteLine($"note: {path} was upgraded to this version of Books; the file as it was is kept at {backup}");
            }

            try
            {
                return work(company);
            }
            catch (Exception e) when (Overflow.IsOverflow(e))
            {
                // Only amounts an older Books let in beyond today's limit can overflow a sum: a refusal naming the fix.
                return Fail(new AmountsTooLargeToAdd());
            }
        }
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
