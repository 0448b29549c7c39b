namespace BillingBooks.Books.Accounts;

/// <summary>Account types as stored and typed ("asset", ...) and the number range each type owns.</summary>
public static class AccountTypes
{
    public static string Name(AccountType type) => type switch
    {
        AccountType.Asset => "asset",
        AccountType.Liability => "liability",
        AccountType.Equity => "equity",
        AccountType.Revenue => "revenue",
        AccountType.Expense => "expense",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? text, out AccountType type)
    {
        foreach (var candidate in Enum.GetValues<AccountType>())
        {
            if (string.Equals(Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    internal static AccountType Parse(string stored) =>
        TryParse(stored, out var type) ? type : throw new InvalidOperationException($"Stored account type '{stored}' is unknown.");

    public static (int Low, int High) Range(AccountType type) => type switch
    {
        AccountType.Asset => (1000, 1999),
        AccountType.Liability => (2000, 2999),
        AccountType.Equity => (3000, 3999),
        AccountType.Revenue => (4000, 4999),
        AccountType.Expense => (5000, 9999),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type whose range holds <paramref name="number"/>, or null for a number outside the chart.</summary>
    public static AccountType? ForNumber(int number) =>
        Enum.GetValues<AccountType>().Cast<AccountType?>().FirstOrDefault(t => Range(t!.Value).Low <= number && number <= Range(t!.Value).High);
}
