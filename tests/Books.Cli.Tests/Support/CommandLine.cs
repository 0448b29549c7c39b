namespace BillingBooks.Books.Cli.Tests.Support;

/// <summary>Arguments shown the way a person would type them in a POSIX shell.</summary>
public static class CommandLine
{
    public static string Format(IEnumerable<string> args) => "books " + string.Join(' ', args.Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,@$%+".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
