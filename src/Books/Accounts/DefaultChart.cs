namespace BillingBooks.Books.Accounts;

/// <summary>The chart of accounts a new company starts with: a Canadian small business, Simply-style numbers.</summary>
internal static class DefaultChart
{
    public static readonly IReadOnlyList<Account> Accounts =
    [
        Asset(1060, "Chequing Bank Account"),
        Asset(1065, "Credit Card Bank Account"),
        Asset(1080, "Savings Bank Account"),
        Asset(1200, "Accounts Receivable"),
        Asset(1320, "Prepaid Expenses"),
        Asset(1820, "Office Furniture & Equipment"),
        Asset(1825, "Accum. Amort. - Furniture & Equipment"),
        new(new(2100), "Accounts Payable", AccountType.Liability, true),
        new(new(2310), "GST/HST Charged on Sales", AccountType.Liability, true),
        new(new(2315), "GST/HST Paid on Purchases", AccountType.Liability, true),
        new(new(2340), "PST Payable", AccountType.Liability, true),
        new(new(2350), "QST Charged on Sales", AccountType.Liability, true),
        new(new(2700), "Bank Loan - Long Term", AccountType.Liability, true),
        new(new(3010), "Owner's Contributions", AccountType.Equity, true),
        new(new(3015), "Owner's Withdrawals", AccountType.Equity, true),
        new(new(3560), "Retained Earnings - Previous Years", AccountType.Equity, true),
        new(new(3600), "Current Earnings", AccountType.Equity, true),
        new(new(4020), "General Revenue", AccountType.Revenue, true),
        new(new(4100), "Interest Revenue", AccountType.Revenue, true),
        new(new(4200), "Other Revenue", AccountType.Revenue, true),
        Expense(5010, "Advertising & Promotions"),
        Expense(5020, "Bank Charges"),
        Expense(5030, "Credit Card Fees"),
        Expense(5040, "Exchange Gain/Loss"),
        Expense(5050, "Rounding Differences"),
        Expense(5100, "Office Supplies"),
        Expense(5200, "Rent"),
        Expense(5300, "Telephone"),
        Expense(5400, "Utilities"),
        Expense(5500, "Wages & Salaries"),
        Expense(5600, "Professional Fees"),
    ];

    public static readonly LinkedAccountSettings Linked = new(
        AccountsReceivable: new(1200),
        DefaultRevenue: new(4020),
        PrincipalBank: new(1060),
        ExchangeGainLoss: new(5040),
        Rounding: new(5050),
        RetainedEarnings: new(3560),
        CurrentEarnings: new(3600));

    private static Account Asset(int number, string name) => new(new(number), name, AccountType.Asset, true);

    private static Account Expense(int number, string name) => new(new(number), name, AccountType.Expense, true);
}
