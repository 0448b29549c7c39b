namespace BillingBooks.Books.Sync;

/// <summary>
/// Why a sync could not run at all (exit 1, nothing changed in Books). Each message says what is wrong and
/// what to do. Record-level problems are <see cref="SyncIssue"/>s instead: they never stop a run.
/// </summary>
public abstract partial record SyncError(string Message) : BooksError(Message)
{
    public sealed record CannotConnect(string Server, string Detail)
        : SyncError($"Cannot connect to Billing at {Server} ({Detail}). Check the connection and the --server address; Billing may also be down: try again later. Nothing was changed in Books.");

    public sealed record WrongPassword(string Email)
        : SyncError($"Billing refused the email and password for {Email}. Check the password (BOOKS_BILLING_PASSWORD, --password-stdin or the prompt) and try again. Nothing was changed in Books.");

    public sealed record NoActiveContract(string BookkeeperEmail, string ClientEmail)
        : SyncError($"{BookkeeperEmail} has no active bookkeeper contract with {ClientEmail} in Billing: ask the client to invite you (or to re-invite you if the contract ended), accept it, then sync again. Nothing was changed in Books.");

    public sealed record CashBasisOn(string File)
        : SyncError($"Use cash-basis accounting is on in this company: Synchronize with Billing posts invoices on the accrual basis and cannot run. Turn it off first: books --file {File} settings set --cash-basis off");

    public sealed record SetupIncomplete(string What, string Fix)
        : SyncError($"The Synchronization Setup is incomplete: {What}. {Fix}");

    public sealed record EmailLocked(string Current, string Attempted)
        : SyncError($"This company already synchronized with the Billing account {Current}; the email cannot be changed to {Attempted} (it would mix two accounts' records in one company file). Use --email {Current}, or create a new company file for the other account.");

    public sealed record BillingRefused(int Status, string Detail)
        : SyncError($"Billing answered {Status}: {Detail}. Nothing was changed in Books.");

    public sealed record UnreadableFeed(string Detail)
        : SyncError($"Billing's answer could not be read after several attempts ({Detail}). The records imported so far are kept and nothing of the unreadable page was imported; sync again to continue. If the same record is named again, Billing itself sends it damaged: report it to whoever runs your Billing service (a change to the record in Billing also sends a new version).");
}
