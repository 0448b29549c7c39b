using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Pages;

/// <summary>The address fields of the profile and customer forms ("address.line1" ... "address.country").</summary>
public static class AddressForm
{
    public static void Fill(Dictionary<string, string?> values, Address? address)
    {
        ArgumentNullException.ThrowIfNull(values);
        values["address.line1"] = address?.Line1;
        values["address.line2"] = address?.Line2;
        values["address.city"] = address?.City;
        values["address.province"] = address?.Province;
        values["address.postalCode"] = address?.PostalCode;
        values["address.country"] = address?.Country;
    }

    public static Address Read(Func<string, string?> posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return new Address(posted("address.line1"), posted("address.line2"), posted("address.city"), posted("address.province"), posted("address.postalCode"), posted("address.country"));
    }
}
