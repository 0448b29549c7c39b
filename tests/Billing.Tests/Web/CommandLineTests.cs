using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Web;

/// <summary>
/// A command-line value the service cannot start with is refused before it starts: one line on stderr saying what is
/// wrong and how to write it, exit code 1, and no stack trace (which read like a crash).
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--trusted-proxy", "10.0.0.300",
        "billing: --trusted-proxy '10.0.0.300' is not an IP address or network; write it like --trusted-proxy 10.0.0.5 or --trusted-proxy 10.0.0.0/24 (repeat the option for more).")]
    [InlineData("--smtp", "mail.example.com",
        "billing: --smtp 'mail.example.com' is not host:port; write it like --smtp mail.example.com:587.")]
    [InlineData("--smtp", "mail.example.com:70000",
        "billing: --smtp 'mail.example.com:70000' is not host:port; write it like --smtp mail.example.com:587.")]
    [InlineData("--postgres", "Hots=db.example.com;Database=billing",
        "billing: --postgres is not a PostgreSQL connection string: it has 'hots', which is no setting or has a value of the wrong kind; write it like --postgres \"Host=db.example.com;Username=billing;Password=...;Database=billing\".")]
    [InlineData("--test-clock", "2026-11-26 12:00",
        "billing: --test-clock '2026-11-26 12:00' is not an instant; write it like --test-clock 2026-11-26T12:00:00Z (UTC, or with an offset like -05:00) or --test-clock now. It is for tests only.")]
    public async Task A_bad_value_is_one_line_saying_how_to_write_it_and_exit_code_1(string option, string value, string message)
    {
        var folder = Directory.CreateTempSubdirectory("billing-args-");
        try
        {
            var (code, output) = await BillingProcess.RunToExitAsync(
                ["--urls", "http://127.0.0.1:0", "--sqlite", Path.Combine(folder.FullName, "billing.db"), option, value], TimeSpan.FromSeconds(60));

            Assert.Equal(message, output.TrimEnd());
            Assert.Equal(1, code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
