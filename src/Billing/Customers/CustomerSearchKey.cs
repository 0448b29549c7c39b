using System.Text;

namespace BillingBooks.Billing.Customers;

/// <summary>
/// What customer search compares (customers.search_key, and the words searched): the name without its accents and in
/// lower case, so "montreal" finds "Montréal Café" and "cafe" finds "CAFÉ NOIR". Only accents go (the combining
/// diacritical marks that NFD splits off Latin, Greek and Cyrillic letters), not marks that make another letter (the
/// Japanese が stays apart from か). Letters Unicode does not split (ł, ø, ß, œ...) are spelled as on a keyboard without
/// them. Uniqueness stays on <see cref="CustomerRules.NameKey"/>: names differing only by accents are two customers.
/// </summary>
public static class CustomerSearchKey
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (IsAccent(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (Spelled(lower) is { } spelled)
            {
                key.Append(spelled);
            }
            else
            {
                key.Append(lower);
            }
        }

        // Composed again so what is left (Hangul, kana with their marks) compares as typed.
        return key.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Combining Diacritical Marks, their Extended and Supplement blocks, those for symbols, and the half marks.</summary>
    private static bool IsAccent(char c) =>
        c is (>= '\u0300' and <= '\u036F') or (>= '\u1AB0' and <= '\u1AFF') or (>= '\u1DC0' and <= '\u1DFF') or (>= '\u20D0' and <= '\u20FF') or (>= '\uFE20' and <= '\uFE2F');

    private static string? Spelled(char lower) => lower switch
    {
        'ł' => "l",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => null,
    };
}
