using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Accounts;

/// <summary>What a new password must be (sign-up and password change). Sign-in only compares with the stored hash.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;

    /// <summary>
    /// 128 leaves room for any passphrase and any password manager's output (NIST SP 800-63B asks to allow at least 64),
    /// while what is hashed and stored as a credential stays something a person could type again: a pasted paragraph is
    /// refused at once instead of becoming a password nobody can reproduce. A longer password at sign-in is simply wrong.
    /// </summary>
    public const int MaxLength = 128;

    /// <summary>Adds to <paramref name="errors"/> under <paramref name="path"/>; <paramref name="what"/> is "a password" or "a new password".</summary>
    public static void Check(string? password, string path, string what, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (password is null || password.Length < MinLength)
        {
            errors.Add(path, $"{what} of at least {MinLength} characters is required");
        }
        else if (password.Length > MaxLength)
        {
            errors.Add(path, $"{what} of at most {MaxLength} characters is required ({password.Length} given)");
        }
    }
}
