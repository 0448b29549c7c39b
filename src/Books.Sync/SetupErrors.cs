using System.Globalization;

namespace BillingBooks.Books.Sync;

/// <summary>
/// The Synchronization Setup values Books refuses before it saves them or contacts Billing: each message names
/// the flag and a value that works.
/// </summary>
public abstract partial record SyncError
{
    public sealed record ServerWithoutScheme(string Given)
        : SyncError($"The Billing server address '{Given}' has no http:// or https://. Pass Billing's base address with --server http://{Given} (or https://{Given}). Nothing was changed in Books.");

    /// <summary>The address carries a user name or password, which the company file would then store.</summary>
    public sealed record ServerWithCredentials(string Host)
        : SyncError($"The Billing server address carries a user name or password (before '@{Host}'); Books stores the address in the company file and never a password. Pass it without them, e.g. --server https://{Host}/, and the password with the prompt, --password-stdin or BOOKS_BILLING_PASSWORD. Nothing was changed in Books.");

    public sealed record ServerNotHttp(string Given)
        : SyncError($"The Billing server address '{Given}' is not an http or https address. Pass Billing's base address with --server, e.g. --server {SyncSetup.DefaultServer}. Nothing was changed in Books.");

    public sealed record NotBillingAddress(string Url, int Status)
        : SyncError($"The server answered {Status.ToString(CultureInfo.InvariantCulture)} at {Url}: it does not serve Billing's API there. --server is the Billing service's base address (e.g. {SyncSetup.DefaultServer}), without /api/v1. Nothing was changed in Books.");

    public sealed record NotAnEmail(string Flag, string Given)
        : SyncError($"{Flag}: '{Given}' is not an email address (e.g. owner@example.com). Nothing was changed in Books.");

    public sealed record NoSuchPaymentsAccount(string Flag, int Number)
        : SyncError($"Account {N(Number)} does not exist. {Flag} takes an asset account that can take deposits, such as a bank account (e.g. 1060; see `books accounts list`, or add one with `books accounts add 1NNN --name NAME --type asset`). Nothing was changed in Books.");

    /// <summary><paramref name="Why"/>: "is a revenue account", "is inactive ...": what keeps the account from taking a deposit.</summary>
    public sealed record NotAPaymentsAccount(string Flag, int Number, string Why)
        : SyncError($"{Flag} {N(Number)}: account {N(Number)} {Why}; payments are deposited to an active asset account such as a bank account, as for a receipt (e.g. 1060; see `books accounts list`). Nothing was changed in Books.");

    public sealed record NotARevenueAccount(int Number, string Why, int? DefaultRevenue)
        : SyncError($"--track-sales {N(Number)}: account {N(Number)} {Why}; Track Sales is a revenue account" + (DefaultRevenue is { } linked
            ? $", and it is the Default Revenue linked account {N(linked)}. Leave out --track-sales."
            : " (see `books accounts list`).") + " Nothing was changed in Books.");

    public sealed record TrackSalesIsLinked(int DefaultRevenue, int Wanted, string File)
        : SyncError($"Track Sales is the Default Revenue linked account {N(DefaultRevenue)} and cannot be changed here. Leave out --track-sales, or change the linked account first: books --file {File} linked-accounts set default-revenue {N(Wanted)}");

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);
}
