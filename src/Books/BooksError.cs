using System.Globalization;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Money;

namespace BillingBooks.Books;

/// <summary>
/// An expected failure: the message says what is wrong and how to fix it. Message texts are pinned by the
/// CLI's golden tests; change them deliberately. Subtypes carry the facts so callers can react without parsing.
/// </summary>
public abstract record BooksError(string Message)
{
    /// <summary>"an asset", "a liability": the article English wants before a type name.</summary>
    protected static string Article(string word) =>
        word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>Dates in messages are written the way the CLI reads them: YYYY-MM-DD.</summary>
    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

// ---- Company file -------------------------------------------------------------------------------------------

public sealed record NotACompanyFile(string Path, string Reason)
    : BooksError($"{Path} is not a BillingBooks company file ({Reason}). Open the right file, or create one with `books new FILE --name NAME`.");

public sealed record CompanyFileNotFound(string Path)
    : BooksError($"{Path} does not exist. Check the path, or create the company with `books new FILE --name NAME`.");

public sealed record CompanyFileIsAFolder(string Path)
    : BooksError($"{Path} is a folder, not a company file. Give the path of the company file itself (e.g. --file {System.IO.Path.Combine(Path, "acme.books")}).");

public sealed record CompanyFileExists(string Path)
    : BooksError($"{Path} already exists. Choose another file name, or open it instead of creating it.");

public sealed record NewerCompanyFile(string Path, int FileVersion, int SupportedVersion)
    : BooksError($"{Path} was written by a newer version of Books (file version {FileVersion}, this version reads up to {SupportedVersion}). Install the newer Books to open it; the file was not changed.");

public sealed record CompanyFileUnreadable(string Path)
    : BooksError($"{Path} cannot be read: you have no permission to read it. Ask its owner for read access (e.g. `chmod a+r {Path}`), or open a copy you can read.");

/// <summary>
/// The file cannot be changed: it is read-only, or <see cref="Folder"/> (its folder) is, where SQLite keeps the log it
/// writes through (FILE-wal, FILE-shm). <see cref="UpgradeFrom"/> is set when it could not even be read, because it
/// must first be upgraded from that file version.
/// </summary>
public sealed record CompanyFileReadOnly(string Path, string? Folder, int? UpgradeFrom = null)
    : BooksError((Folder is null
            ? $"{Path} is read-only, so Books cannot change it"
            : $"The folder {Folder} is read-only, so Books cannot change {Path} (it writes through a log beside the file: {System.IO.Path.GetFileName(Path)}-wal and {System.IO.Path.GetFileName(Path)}-shm)")
        + (UpgradeFrom is { } version
            ? $", and this version of Books reads it only after upgrading it (file version {version.ToString(CultureInfo.InvariantCulture)}). Nothing was changed. Make {(Folder is null ? "the file" : "the folder")} writable once to upgrade it, or work on a copy in a folder you can write."
            : $"; nothing was changed. Make {(Folder is null ? $"the file writable (e.g. `chmod u+w {Path}`)" : "the folder writable")}, or work on a copy in a folder you can write. Reports and `books check` still read it as it is."));

public sealed record CompanyFileLogUnreadable(string Path, string Folder)
    : BooksError($"The folder {Folder} is read-only and {Path} has changes still in its log ({Path}-wal) but no log index beside it, so Books cannot read it safely; nothing was changed. Make the folder writable and run Books once (e.g. `books check`) to fold the log into the file.");

public sealed record CompanyFileMayChange(string Path, string Folder)
    : BooksError($"The folder {Folder} is read-only for you but {Path} can still be written (by its owner, say, while you read), and Books can read it there only without the locks that keep a writer out, which could show half of a change; nothing was changed. Make the folder writable for you, make the file read-only for everyone (`chmod a-w {Path}`) if nobody works on it, or open a copy in a folder you can write.");

// ---- Input --------------------------------------------------------------------------------------------------

/// <summary>A value that does not fit its field: <see cref="Field"/> names it, the message says the fix.</summary>
public sealed record InvalidInput(string Field, string Problem)
    : BooksError($"{Field}: {Problem}");

public sealed record DuplicateName(string Kind, string Name)
    : BooksError($"A {Kind} named '{Name}' already exists. Choose another name, or change the existing {Kind}.");

// ---- Accounts -----------------------------------------------------------------------------------------------

/// <summary>The suggested type is the one whose number range holds the account (the only type it can have).</summary>
public sealed record UnknownAccount(int Number)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} does not exist. List accounts with `books accounts list`"
        + (AccountTypes.ForNumber(Number) is { } type
            ? $" or add it with `books accounts add {Number.ToString(CultureInfo.InvariantCulture)} --name ... --type {AccountTypes.Name(type)}`."
            : "; account numbers run from 1000 to 9999 (1xxx assets, 2xxx liabilities, 3xxx equity, 4xxx revenue, 5xxx-9xxx expenses)."));

public sealed record InactiveAccount(int Number)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is inactive. Make it active with `books accounts activate {Number.ToString(CultureInfo.InvariantCulture)}`, or use another account.");

public sealed record DuplicateAccountNumber(int Number)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} already exists. Choose another number, or rename the existing account.");

public sealed record AccountNumberOutOfRange(int Number, string Type, int Low, int High)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} cannot be {Article(Type)} {Type} account: {Type} accounts are numbered {Low.ToString(CultureInfo.InvariantCulture)}-{High.ToString(CultureInfo.InvariantCulture)}. Pick a number in that range.");

public sealed record AccountInUse(int Number, string Use)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is in use ({Use}), so it cannot be removed. Make it inactive instead with `books accounts deactivate {Number.ToString(CultureInfo.InvariantCulture)}`.");

public sealed record LinkedAccountInUse(int Number, string Role)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is the {Role} linked account. Link another account to {Role} first.");

public sealed record LinkedAccountTaken(int Number, string Role, string Other)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is already the {Other} linked account, and {Role} needs an account of its own. Pick another account.");

public sealed record ControlAccountHasPostings(string Role, int Current, int Wanted)
    : BooksError($"{Role} ({Current.ToString(CultureInfo.InvariantCulture)}) already has postings, so it cannot move to {Wanted.ToString(CultureInfo.InvariantCulture)}: customer balances live in it.");

public sealed record WrongAccountType(int Number, string Role, string Expected)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} cannot be used as {Role}: it must be {Article(Expected)} {Expected} account.");

public sealed record NotADepositAccount(int Number, string Type)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is {Article(Type)} {Type} account; a receipt is deposited to an asset account such as a bank account. Give one with --deposit-account (e.g. 1060; see `books accounts list`).");

public sealed record CardDepositToReceivable(int Number)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is Accounts Receivable, which a card receipt settles; the money it brings is deposited to a bank or cash account. Give the card one with --deposit-account (e.g. 1060; see `books accounts list`).");

public sealed record ReservedAccount(int Number, string Role)
    : BooksError($"Account {Number.ToString(CultureInfo.InvariantCulture)} is the {Role} linked account and only Books posts to it (sales and receipts for Accounts Receivable; current earnings is computed). Record the transaction as a sale or receipt, or use another account.");

// ---- Settings -----------------------------------------------------------------------------------------------

/// <summary>A date outside the fiscal years the books keep: before <see cref="Start"/> (the first day they are open) or after <see cref="End"/> (the current year's end).</summary>
public sealed record OutsideFiscalYear(DateOnly Date, DateOnly Start, DateOnly End)
    : BooksError(Date < Start
        ? $"{Iso(Date)} is before {Iso(Start)}, the first day the books are open, so it is outside the fiscal years they keep. To record earlier history, open the books from that date with `books settings set --history-from {Iso(Date)}`."
        : $"{Iso(Date)} is after {Iso(End)}, the end of the current fiscal year, so it is outside the fiscal years the books keep. Start the next fiscal year with `books year-end` (`books year-end --before-year-end` while the current year has not ended; it stays open for late entries), or use an earlier date.");

public sealed record BooksLocked(DateOnly Date, DateOnly LockedBefore)
    : BooksError($"The books are locked before {Iso(LockedBefore)}, so nothing can be dated {Iso(Date)}. Use a date on or after {Iso(LockedBefore)}, or unlock that period with `books settings set --lock-before {Iso(Date)}`.");

public sealed record FiscalStartLocked(DateOnly Start, DateOnly End)
    : BooksError($"Entries are posted, so the fiscal year {Iso(Start)} to {Iso(End)} cannot move: posted entries would change fiscal year. Start the next year with `books year-end`, or open earlier years with `books settings set --history-from YYYY-MM-DD`.");

/// <summary>Year-end before the current year has ended: <see cref="End"/> is its last day.</summary>
public sealed record FiscalYearNotEnded(DateOnly End)
    : BooksError($"The current fiscal year ends on {Iso(End)}, so year-end can be run from {Iso(End.AddDays(1))}; once entries are posted in the next year, starting it cannot be undone. To enter next year's transactions already, start it now with `books year-end --before-year-end`.");

public sealed record FiscalYearEndsBeforeEntries(DateOnly End, DateOnly LastEntry)
    : BooksError($"Entries are posted up to {Iso(LastEntry)}, so the fiscal year cannot end on {Iso(End)}. End it on or after {Iso(LastEntry)}, e.g. `books settings set --fiscal-end {Iso(LastEntry)}`.");

public sealed record HistoryAfterFiscalStart(DateOnly From, DateOnly FiscalStart)
    : BooksError($"--history-from {Iso(From)} is after the fiscal year start {Iso(FiscalStart)}; history is what comes before the current year. Give a date on or before {Iso(FiscalStart)} (e.g. --history-from {Iso(FiscalStart.AddYears(-2))}); to lock the books before {Iso(From)} instead, use `books settings set --lock-before {Iso(From)}`.");

public sealed record LockBeforeFirstYear(DateOnly Date, DateOnly FirstDay)
    : BooksError($"The books start on {Iso(FirstDay)}, so they cannot be locked before {Iso(Date)}. To take entries from {Iso(Date)}, open the earlier years with `books settings set --history-from {Iso(Date)}`.");

public sealed record LockAfterCurrentYear(DateOnly Date, DateOnly End)
    : BooksError($"The current fiscal year ends on {Iso(End)}; the books can be locked at most up to the day after it. Start the next year first with `books year-end`, then lock with `books settings set --lock-before {Iso(Date)}`.");

public sealed record ForeignCurrencyDisabled(string Currency)
    : BooksError($"{Currency} is a foreign currency and foreign-currency transactions are off. Turn them on with `books settings set --allow-foreign-currency on` and add {Currency} with `books currencies add {Currency}`.");

/// <summary>Foreign currency turned off while <see cref="Count"/> foreign invoices owe; <see cref="Number"/> is the oldest.</summary>
public sealed record ForeignInvoicesOwing(int Count, string Number, string Customer, Money.Money Owing)
    : BooksError((Count == 1
            ? $"Invoice {Number} of {Customer} still owes {Owing}, in a foreign currency, and its receipt needs foreign-currency transactions. Record its receipt"
            : $"{Count.ToString(CultureInfo.InvariantCulture)} invoices in a foreign currency still owe (e.g. invoice {Number} of {Customer} owes {Owing}), and their receipts need foreign-currency transactions. Record their receipts")
        + $" (e.g. `books receipts post --customer \"{Customer}\" --allocate {Number}={Owing.ToDecimalString()}`) or reverse {(Count == 1 ? "it" : "them")} first, then turn it off.");

public sealed record UnknownCurrency(string Currency)
    : BooksError($"{Currency} is not set up as a foreign currency. Add it with `books currencies add {Currency}`.");

public sealed record MissingExchangeRate(string Currency, DateOnly Date)
    : BooksError($"There is no {Currency} exchange rate on or before {Iso(Date)}. Add one with `books rates set {Currency} {Iso(Date)} RATE` (home units per 1 {Currency}), or give the rate on the transaction.");

public sealed record CurrencyMismatch(string Expected, string Actual, string Where)
    : BooksError($"{Where} is in {Actual} but must be in {Expected}. Enter it in {Expected}.");

public sealed record ExchangeRateOutOfRange(string Currency, DateOnly Date, decimal Rate)
    : BooksError($"{Rate.ToString(CultureInfo.InvariantCulture)} is not a usable {Currency} exchange rate: a rate is home-currency units per 1 {Currency}, from {ExchangeRateBounds.Lowest.ToString(CultureInfo.InvariantCulture)} to {ExchangeRateBounds.Highest.ToString(CultureInfo.InvariantCulture)}. Give the right rate (e.g. 1.3575) on the transaction, or on file with `books rates set {Currency} {Iso(Date)} RATE`.");

public sealed record HomeCurrencyLocked(string Currency)
    : BooksError($"The home currency is {Currency} and entries are already posted in it, so it cannot change. Create a new company file for another home currency.");

public sealed record UnknownCreditCard(string Name)
    : BooksError($"'{Name}' is not a credit card accepted. Add it with `books credit-cards add \"{Name}\" --fee PERCENT --fee-account NNNN --deposit-account NNNN`.");

// ---- Taxes --------------------------------------------------------------------------------------------------

public sealed record UnknownTax(string Name)
    : BooksError($"There is no tax named '{Name}'. Add it with `books taxes add \"{Name}\" --account NNNN`.");

public sealed record UnknownTaxCode(string Code)
    : BooksError($"There is no tax code '{Code}'. List codes with `books tax-codes list` or add it with `books tax-codes add {Code} --tax NAME:RATE`.");

public sealed record TaxInUse(string Name, string Use)
    : BooksError($"'{Name}' is in use ({Use}), so it cannot be removed.");

public sealed record InactiveTaxAccount(string Tax, int Account)
    : BooksError($"{Tax} is charged to account {Account.ToString(CultureInfo.InvariantCulture)}, which is inactive. Make it active with `books accounts activate {Account.ToString(CultureInfo.InvariantCulture)}` to charge {Tax}, or give the line a tax code without {Tax}.");

// ---- Customers ----------------------------------------------------------------------------------------------

public sealed record UnknownCustomer(string Customer)
    : BooksError($"There is no customer {Customer}. List customers with `books customers list` or add one with `books customers add \"NAME\"`.");

public sealed record InactiveCustomer(string Name)
    : BooksError($"Customer '{Name}' is inactive. Make the customer active with `books customers activate \"{Name}\"` first.");

// ---- Journals -----------------------------------------------------------------------------------------------

public sealed record Unbalanced(Money.Money Debits, Money.Money Credits)
    : BooksError($"The entry does not balance: debits {Debits.ToDecimalString()} and credits {Credits.ToDecimalString()} differ by {(Debits - Credits).Abs().ToDecimalString()}. Make debits equal credits.");

public sealed record ZeroJournalLine(int Line, int Account)
    : BooksError($"General journal line {Line.ToString(CultureInfo.InvariantCulture)} (account {Account.ToString(CultureInfo.InvariantCulture)}) has no amount. Give every line a debit or a credit above zero, e.g. `books journal post --debit 1060=100.00 --credit 3010=100.00`, and leave out lines with nothing to post.");

public sealed record AmountBeyondLimit(string What, Money.Money Amount, Money.Money Limit)
    : BooksError($"{What} is {Amount}, more than {Limit}, the largest amount Books keeps in a line, an entry or an account balance. Check the amount; a real amount this large is recorded in parts, one entry each (e.g. `books journal post --debit 1060=AMOUNT --credit 3010=AMOUNT`).");

/// <param name="Receivable">The account is Accounts Receivable, which no journal entry may move (so none is suggested).</param>
public sealed record AccountBalanceBeyondLimit(int Account, Money.Money Balance, Money.Money Limit, bool Receivable = false)
    : BooksError(Receivable
        ? $"This would bring Accounts Receivable (account {Account.ToString(CultureInfo.InvariantCulture)}) to {Balance}, beyond {Limit} either way, the largest balance Books keeps. Check the amounts; what customers owe comes down only as receipts are posted (`books receipts post`) or sales are reversed."
        : $"This would bring account {Account.ToString(CultureInfo.InvariantCulture)}'s balance to {Balance}, beyond {Limit} either way, the largest balance Books keeps. Check the amounts, or first move part of the balance to another account with `books journal post --debit NNNN=AMOUNT --credit {Account.ToString(CultureInfo.InvariantCulture)}=AMOUNT` (credit NNNN for a credit balance).");

public sealed record AmountsTooLargeToAdd()
    : BooksError("The books hold amounts too large to add up (an older Books let them in, beyond today's limit of 10,000,000,000.00 per line and balance in a two-decimal currency). `books check` lists them; reverse each with `books journal reverse ENTRY --date DATE` on its own date.");

public sealed record TooFewLines(int Count)
    : BooksError($"A journal entry needs at least 2 lines (it has {Count.ToString(CultureInfo.InvariantCulture)}). Add a line for the other side of the entry.");

public sealed record UnknownEntry(EntryId Id)
    : BooksError($"There is no journal entry {Id}. List entries with `books journal list`.");

public sealed record AlreadyReversed(EntryId Id, EntryId ReversedBy)
    : BooksError($"Entry {Id} was already reversed by entry {ReversedBy}. Nothing to do; post a new entry if needed.");

public sealed record CannotReverseReversal(EntryId Id)
    : BooksError($"Entry {Id} is itself a reversal and cannot be reversed. Post the entry again instead.");

public sealed record ReversalBeforeEntry(EntryId Id, DateOnly EntryDate, DateOnly ReversalDate)
    : BooksError($"Entry {Id} is dated {Iso(EntryDate)}; it cannot be reversed on {Iso(ReversalDate)}, which is earlier. Reverse it on or after {Iso(EntryDate)}.");

public sealed record ReversalBeforeReceiptReversal(string Number, EntryId Receipt, DateOnly ReceiptReversedOn)
    : BooksError($"Invoice {Number} was paid by receipt {Receipt}, which was reversed on {Iso(ReceiptReversedOn)}, so the invoice cannot be reversed before then (receivables would go below zero in between). Reverse it on or after {Iso(ReceiptReversedOn)}, e.g. `books sales reverse {Number} --date {Iso(ReceiptReversedOn)}`.");

/// <summary>An adjustment of an entry dated before the lock date whose corrected version is dated before it too: nothing could be dated.</summary>
public sealed record AdjustmentInLockedPeriod(EntryId Id, DateOnly EntryDate, DateOnly LockedBefore, DateOnly CorrectedDate)
    : BooksError($"Entry {Id} is dated {Iso(EntryDate)}, before the lock date {Iso(LockedBefore)}, so its adjustment reverses it on the corrected version's date, but that is {Iso(CorrectedDate)}, also locked. Date the corrected version on or after {Iso(LockedBefore)} (for an invoice: `books sales adjust NUMBER --date {Iso(LockedBefore)} --line ...`), or unlock the period with `books settings set --lock-before {Iso(EntryDate < CorrectedDate ? EntryDate : CorrectedDate)}`.");

public sealed record InvoiceHasReceipts(string Number, IReadOnlyList<EntryId> Receipts)
    : BooksError($"Invoice {Number} has receipts allocated to it (entries {string.Join(", ", Receipts)}). Reverse those receipts first, then the invoice.");

public sealed record DuplicateInvoiceNumber(string Number)
    : BooksError($"Invoice number {Number} is already used. Use another number, or adjust the existing invoice.");

public sealed record UnknownInvoice(string Invoice)
    : BooksError($"There is no invoice {Invoice}. List a customer's invoices with `books sales list --customer NAME`.");

public sealed record InvoiceOfAnotherCustomer(string Number, string Customer)
    : BooksError($"Invoice {Number} belongs to another customer, not '{Customer}'. Allocate the receipt only to that customer's invoices.");

public sealed record InvoiceReversed(string Number)
    : BooksError($"Invoice {Number} was reversed; nothing can be allocated to it. Allocate to an open invoice.");

public sealed record ReceiptExceedsOwing(string Number, Money.Money Amount, Money.Money Owing)
    : BooksError($"The receipt allocates {Amount} to invoice {Number}, which owes only {Owing}. Allocate at most {Owing.ToDecimalString()}.");

public sealed record ReceiptBeforeInvoice(string Number, DateOnly ReceiptDate, DateOnly InvoiceDate)
    : BooksError($"The receipt is dated {Iso(ReceiptDate)}, before invoice {Number} ({Iso(InvoiceDate)}) was issued. Date the receipt on or after {Iso(InvoiceDate)}.");

public sealed record ReceiptNotAllocated(Money.Money Amount, Money.Money Allocated)
    : BooksError($"The receipt of {Amount} is allocated {Allocated}. Allocate exactly the amount received to the customer's invoices.");

public sealed record WrongEntryKind(EntryId Id, string Kind, string Expected)
    : BooksError($"Entry {Id} is a {Kind} entry, not a {Expected} entry. Use the command for {Kind} entries.");
