using BillingBooks.Billing.Contracts;

namespace BillingBooks.Billing.Seeding;

/// <summary>Names and places the seeder draws from: Canadian and foreign, some far from ASCII.</summary>
internal static class SeedData
{
    public static readonly string[] CompanyNames =
    [
        "Maple Leaf Plumbing", "Boulangerie Saint-Viateur", "Société Générale de Québec", "Northern Lights Design", "Prairie Grain Co-op",
        "Müller & Söhne GmbH", "株式会社山田商事", "Café Olé", "Øresund Consulting ApS", "Łódź Textiles Sp. z o.o.",
        "Al Manama Trading W.L.L.", "Blue Harbour Fisheries", "Rocky Mountain Outfitters", "Ōkami Studio", "Ñandú Importaciones",
        "Halifax Shipwrights", "Yukon Gold Tours", "Ζήτα Marine", "Дом Книги", "Tremblay & Fils", "Okanagan Vineyards",
        "Hudson Bay Furs", "Smith & Wesson Accounting", "O'Brien's Pub", "Niagara Ice Wine", "Dragon Gate 龍門", "Café de l'Éclair",
        "Banff Alpine Guides", "Atlantic Lobster Ltd.", "Wellington Street Books",
    ];

    public static readonly string[] FirstNames = ["Émilie", "Jean-François", "Sarah", "Mohammed", "Yuki", "Olga", "Liam", "Chloé", "Björn", "Priya", "Zoë", "Ahmad"];

    public static readonly string[] LastNames = ["Tremblay", "Gagnon", "Smith", "Nguyen", "Sato", "Ivanova", "O'Connor", "Côté", "Larsson", "Patel", "Müller", "Haddad"];

    public static readonly string[] Items =
    [
        "Consulting", "Design work", "Plumbing repair", "Travel time", "Materials", "Software licence", "Monthly maintenance", "Translation FR→EN",
        "Pâtisseries assorties", "On-site support", "Photography", "Hosting (annual)",
    ];

    public static readonly string[] Units = ["hour", "day", "each", "month", "kg", "m²"];

    /// <summary>Customer kinds: (country, province, city, currency, own taxes or null for the profile's).</summary>
    public static readonly (string Country, string? Province, string City, string Currency, TaxDefinition[]? Taxes)[] Places =
    [
        ("CA", "QC", "Montréal", "CAD", null),
        ("CA", "QC", "Québec", "CAD", null),
        ("CA", "ON", "Toronto", "CAD", [new TaxDefinition("HST", "13", true, null)]),
        ("CA", "BC", "Vancouver", "CAD", [new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "7", true, null)]),
        ("CA", "PE", "Charlottetown", "CAD", [new TaxDefinition("GST", "5", true, null), new TaxDefinition("PST", "10", true, "GST")]),
        ("CA", "AB", "Calgary", "CAD", [new TaxDefinition("GST", "5", true, null)]),
        ("US", "NY", "New York", "USD", []),
        ("US", "WA", "Seattle", "USD", []),
        ("DE", null, "München", "EUR", []),
        ("FR", null, "Paris", "EUR", []),
        ("JP", null, "東京", "JPY", []),
        ("BH", null, "Manama", "BHD", []),
        ("GB", null, "London", "GBP", []),
    ];
}
