using BillingBooks.Billing.Contracts;

namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// What the feed promises of each item (see <see cref="Change"/>): a kind and an id, and for a kind Books imports,
/// that record, even in a tombstone. A page with an item that breaks it is an answer that could not be read, like
/// one cut short: fetched again (a proxy may have mangled it), then the run stops with exit 1 before that page.
/// Not quarantined as a conflict: that would move the cursor past a record Books never saw, and no fix in Books
/// could bring it back; stopped before it, the next sync reads it again once Billing sends it whole.
/// </summary>
internal static class FeedItems
{
    /// <summary>Null when every item of the page carries what it should, else what is missing where.</summary>
    public static string? Incomplete(ChangePage page)
    {
        if (page.Items is null || page.Next is null) return "a page of the change feed came without its items or its next cursor";
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (page.Items[i] is not { Kind: not null, Id: not null } item)
                return $"item {i + 1} of a page of the change feed came without its kind or its id";
            var carried = item.Kind switch
            {
                ChangeKinds.Customer => item.Customer is not null,
                ChangeKinds.Invoice => item.Invoice is not null,
                ChangeKinds.Payment => item.Payment is not null,
                _ => true, // a kind this Books does not know yet: the import skips it
            };
            if (!carried) return $"the change feed's {item.Kind} {item.Id} version {item.Version} came without the {item.Kind} itself";
        }
        return null;
    }
}
