using BillingBooks.Billing.Accounts;

namespace BillingBooks.Billing.Web;

/// <summary>
/// The options the service knows, checked before anything starts: ASP.NET Core's configuration takes any
/// <c>--name value</c> and ignores what nobody reads, so a typo (<c>--postgre</c>) ran the service on a local SQLite
/// file while its owner believed it was on PostgreSQL. What is refused: an option nobody reads, a <c>Billing:</c>
/// setting <see cref="AccountOptions"/> does not have, and <c>--sqlite</c> with <c>--postgres</c>. ASP.NET Core's own
/// switches (<c>--urls</c>, <c>--environment</c>, ...) and other <c>--Section:Key</c> settings pass through.
/// </summary>
public static class CommandLine
{
    /// <summary>The service's own options, as --help lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Value, string Meaning)> Options =
    [
        ("urls", "URL[;URL]", $"where to listen (default {BillingApp.DefaultUrl})"),
        ("sqlite", "PATH", $"the SQLite database file (default {Storage.StorageOptions.DefaultSqlitePath})"),
        ("postgres", "\"CONNECTION STRING\"", "run on PostgreSQL instead, e.g. \"Host=db;Username=billing;Database=billing\" (password: PGPASSWORD)"),
        (KeysFolder.Option, "DIR", "keep the sign-in keys here (default: keys next to the SQLite file; PostgreSQL: ~/.aspnet, share one DIR between instances)"),
        ("smtp", "HOST:PORT", "send mail through this server (default: write .eml files to --mail-dir)"),
        ("smtp-user", "NAME", "the mail server's user name"),
        ("smtp-password", "PASSWORD", $"its password (better: the environment variable {Email.MailOptions.PasswordVariable}, used without this)"),
        ("mail-dir", "DIR", "where mail goes without --smtp (default: billing-mail in the temporary folder)"),
        ("mail-from", "ADDRESS", "the sender of the mail"),
        ("public-url", "URL", "the address the links in mail start with (behind a proxy)"),
        ("trusted-proxy", "IP|CIDR", "a proxy whose X-Forwarded-* headers are believed (repeatable; default loopback)"),
        ("test-clock", "INSTANT|now", "a clock that holds still until PUT /test/clock moves it (tests only)"),
    ];

    /// <summary>ASP.NET Core's own host switches, which it reads itself.</summary>
    private static readonly string[] HostSwitches =
        ["environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports", "AllowedHosts"];

    public static string Usage => string.Join('\n', new[]
    {
        "usage: billing [options]            run the web app and API",
        "       billing seed --help          fill an account with sample data",
        "options:",
    }.Concat(Options.Select(o => $"  --{o.Name} {o.Value}".PadRight(40) + o.Meaning)).Concat(
    [
        $"  --Billing:SETTING VALUE".PadRight(40) + $"a security setting: {string.Join(", ", BillingSettings)}",
        "  ASP.NET Core's --environment, --contentRoot and --Section:Key=value settings are taken too.",
    ]));

    /// <summary>Whether the arguments ask for help (--help, -h, -?) where an option's name goes.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args) => Names(args).Any(n => n.Name is "--help" or "-h" or "-?" or "/?" or "/help");

    /// <summary>Adds to <paramref name="errors"/> each option the service does not know.</summary>
    public static void Check(IReadOnlyList<string> args, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var known = Options.Select(o => o.Name).Concat(HostSwitches).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key, hasValue) in Names(args))
        {
            if (key is null)
            {
                errors.Add(new CommandLineError($"'{name}' is not understood; options are written --name value (see billing --help)."));
            }
            else if (!(known.Contains(key) || IsSetting(key)))
            {
                errors.Add(new CommandLineError(Unknown(name, Options.Select(o => o.Name))));
            }
            else if (!hasValue)
            {
                errors.Add(new CommandLineError($"{name} needs a value after it (see billing --help)."));
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="errors"/> --sqlite together with --postgres; checked after their values, so that a
    /// connection string that does not parse is told first.
    /// </summary>
    public static void CheckDatabases(IReadOnlyList<string> args, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var given = Names(args).Where(n => n.Key is not null).Select(n => n.Key!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (ConflictingDatabases(given) is { } conflict)
        {
            errors.Add(new CommandLineError(conflict));
        }
    }

    /// <summary>The refusal of an option nobody reads, naming the known ones.</summary>
    public static string Unknown(string name, IEnumerable<string> known) =>
        $"unknown option {name}; the options are {string.Join(", ", known.Select(k => "--" + k))}, --Billing:SETTING (see --help).";

    /// <summary>Both databases named: which one was meant is a guess, so neither is taken.</summary>
    public static string? ConflictingDatabases(IReadOnlySet<string> given) =>
        given.Contains("sqlite") && given.Contains("postgres")
            ? "--sqlite and --postgres were both given; pass one: --sqlite PATH for a SQLite file, or --postgres \"CONNECTION STRING\" for PostgreSQL."
            : null;

    /// <summary>A Section:Key setting: one of <see cref="AccountOptions"/>' in section Billing; other sections are ASP.NET Core's (Logging, Kestrel).</summary>
    public static bool IsSetting(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        return !key[..colon].Equals("Billing", StringComparison.OrdinalIgnoreCase)
            || BillingSettings.Contains(key[(colon + 1)..], StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> BillingSettings => typeof(AccountOptions).GetProperties().Select(p => p.Name);

    /// <summary>
    /// The option names as ASP.NET Core's command-line configuration reads them: <c>--key value</c>, <c>--key=value</c>,
    /// <c>/key value</c>, <c>key=value</c>; Key is null for a word that is none of these (which it would skip).
    /// </summary>
    private static IEnumerable<(string Name, string? Key, bool HasValue)> Names(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var prefix = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : 0;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith('-') && prefix == 0)
            {
                yield return (arg, arg, true); // a short switch: only -h is known
            }
            else if (eq > prefix)
            {
                yield return (arg[..eq], arg[prefix..eq], true);
            }
            else if (prefix > 0)
            {
                var hasValue = i + 1 < args.Count;
                if (hasValue)
                {
                    i++;
                }

                yield return (arg, arg[prefix..], hasValue);
            }
            else
            {
                yield return (arg, null, false);
            }
        }
    }
}
