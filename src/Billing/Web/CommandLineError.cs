namespace BillingBooks.Billing.Web;

/// <summary>
/// A command-line value the service cannot start with, saying what is wrong and how to write it. Told in one place
/// (Program): a line on stderr and <see cref="ExitCode"/>, before anything starts; an operator's typo is no crash
/// with a stack trace.
/// </summary>
public sealed record CommandLineError(string Message)
{
    public const int ExitCode = 1;
}
