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

    public sealed record ServerNotHttp(string Given)
        : SyncError($"The Billing server address '{Given}' is not an http or https address. Pass Billing's base address with --server, e.g. --server {SyncSetup.DefaultServer}. Nothing was changed in Books.");

    public sealed record NotBillingAddress(string Url, int Status)
        : SyncError($"The server answered {Status.ToString(CultureInfo.InvariantCulture)} at {Url}: it does not serve Billing's API there. --server is the Billing service's base address (e.g. {SyncSetup.DefaultServer}), without /api/v1. Nothing was changed in Books.");
}
