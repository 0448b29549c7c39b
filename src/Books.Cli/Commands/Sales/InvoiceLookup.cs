using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Commands.Sales;

/// <summary>Finds the invoice in force with a number, and its customer, as commands name them.</summary>
internal static class InvoiceLookup
{
    public static Result<(Invoice Invoice, Customer Customer)> Find(BooksRead scope, string number) =>
        scope.Sales.FindByNumber(number) is { } invoice
            ? scope.Customers.Get(invoice.Customer).Map(customer => (invoice, customer))
            : new UnknownInvoice(number);
}
