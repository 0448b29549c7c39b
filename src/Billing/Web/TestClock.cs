using System.Globalization;

namespace BillingBooks.Billing.Web;

/// <summary>
/// The service's clock in tests of the real process, only with <c>--test-clock START</c> (an instant such as
/// 2026-11-26T12:00:00Z, or <c>now</c>): it holds still at START until a test moves it forward with PUT /test/clock,
/// an endpoint that exists only then (<see cref="TestClockEndpoints"/>). Without the setting the service runs on
/// <see cref="TimeProvider.System"/> and there is no such endpoint.
/// </summary>
/// <remarks>
/// What moves is the reading, which is business time: token and session expiry, sign-in lockouts, invitation and
/// invoice links, today's date in each account's time zone, which recurring invoices are due (03:00 local), the
/// tokens the hourly sweep deletes, timestamps written. Timers and elapsed time (CreateTimer, GetTimestamp) stay the
/// system's: they are process timing, so the periodic jobs still run every real minute or hour, waits are real, and
/// a clock that holds still stops nothing.
/// </remarks>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public const string Setting = "test-clock";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    private long _utcTicks = start.UtcTicks;

    /// <summary>The clock <c>--test-clock</c> asks for; null without it. A start that is no instant is added to <paramref name="errors"/>.</summary>
    public static TestClock? Read(IConfiguration configuration, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var value = configuration[Setting];
        if (value is null)
        {
            return null;
        }

        if (value.Trim() == "now")
        {
            return new TestClock(TimeProvider.System.GetUtcNow());
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            return new TestClock(start);
        }

        errors.Add(new CommandLineError(
            $"--{Setting} '{value}' is not an instant; write it like --{Setting} 2026-11-26T12:00:00Z (UTC, or with an offset like -05:00) or --{Setting} now. It is for tests only."));
        return null;
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>
    /// Moves the clock to <paramref name="now"/>, never back: time that runs backwards makes states the service never
    /// meets (a token issued after it expired); a test that needs an earlier time starts its process there.
    /// </summary>
    public Result<DateTimeOffset> MoveTo(DateTimeOffset now)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _utcTicks);
            if (now.UtcTicks < current)
            {
                return new Refused(
                    $"The test clock only moves forward; it is at {new DateTimeOffset(current, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture)}. Start the process with an earlier --{Setting} instead.");
            }

            if (Interlocked.CompareExchange(ref _utcTicks, now.UtcTicks, current) == current)
            {
                return now.ToUniversalTime();
            }
        }
    }
}
