using BillingBooks.Books.Customers;

namespace BillingBooks.Books.Cli.Commands.Customers;

/// <summary>
/// A customer's tie to Billing as `customers list` and `show` write it: imported by the sync ("linked"), or
/// gone from Billing since (the customer stays in Books with its history).
/// </summary>
internal static class BillingLink
{
    public static bool Linked(Customer customer) => customer.ExternalReference is not null;

    public static string Describe(Customer customer) =>
        customer.DeletedInBilling ? "deleted in Billing" : Linked(customer) ? "linked" : string.Empty;
}
