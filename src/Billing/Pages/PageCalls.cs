using System.Security.Cryptography;
using System.Text;

namespace BillingBooks.Billing.Pages;

/// <summary>
/// Marks the pages' own calls to the API over loopback (<see cref="BooksApi"/>) with a secret only this process
/// knows, so a sign-in attempt is counted once: the page request was counted against the browser's address, and
/// its call to /api/v1 is not counted again (that call comes from this host, and would count every browser as one).
/// </summary>
public sealed class PageCalls
{
    public const string Header = "Billing-Page-Call";

    private readonly byte[] _secret = Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public string Secret => Encoding.ASCII.GetString(_secret);

    public bool IsPageCall(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var sent = http.Request.Headers[Header].ToString();
        return sent.Length == _secret.Length && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), _secret);
    }
}
