using BillingBooks.Books.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Taxes;

/// <summary>Tax codes (SPEC 2.2): what a sale line's tax code means, and the tax it yields.</summary>
public sealed class TaxCodes
{
    private readonly BooksRead _scope;

    /// <summary>What a sale line gives as its tax code for no tax at all (the code "" is the no-tax code itself).</summary>
    public const string NoTax = "none";

    /// <summary>Long enough for the codes the sync suggests, which spell their taxes and rates ("G5Q9.975" for GST + QST).</summary>
    public const int MaxLength = 12;

    internal TaxCodes(BooksRead scope) => _scope = scope;

    public IReadOnlyList<TaxCode> List() => _scope.TaxCodeCache ??= Load();

    private IReadOnlyList<TaxCode> Load()
    {
        var lines = _scope.Query<(string Code, string Tax, string Rate, string Status)>(
                "SELECT c.code, t.name, c.rate, c.status FROM tax_code_tax c JOIN tax t ON t.id = c.tax_id ORDER BY c.code, t.id")
            .ToLookup(r => r.Code, StringComparer.OrdinalIgnoreCase);
        return _scope.Query<(string Code, string Description)>("SELECT code, description FROM tax_code ORDER BY code")
            .Select(c => new TaxCode(c.Code, c.Description, lines[c.Code].Select(l => new TaxCodeTax(l.Tax, SqlFormats.Decimal(l.Rate), ParseStatus(l.Status))).ToArray()))
            .ToArray();
    }

    public Result<TaxCode> Get(string code) =>
        List().FirstOrDefault(c => string.Equals(c.Code, (code ?? "").Trim(), StringComparison.OrdinalIgnoreCase)) is { } found ? found : new UnknownTaxCode(code ?? "");

    public Result<TaxCode> Add(TaxCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        _scope.RequireWrite();
        if (NameProblem(code.Code) is { } problem)
        {
            return problem;
        }

        var valid = Validate(code);
        if (!valid.IsOk)
        {
            return valid;
        }

        if (Get(code.Code).IsOk)
        {
            return new DuplicateName("tax code", code.Code.Trim());
        }

        Insert(_scope.Connection, _scope.Transaction, valid.Value);
        _scope.Invalidate();
        return Get(code.Code);
    }

    /// <summary>Replaces the description and taxes of an existing code.</summary>
    public Result<TaxCode> Update(TaxCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        _scope.RequireWrite();
        if (!Get(code.Code).IsOk)
        {
            return new UnknownTaxCode(code.Code);
        }

        var valid = Validate(code);
        if (!valid.IsOk)
        {
            return valid;
        }

        _scope.Execute("DELETE FROM tax_code WHERE code = @Code", new { Code = code.Code.Trim() });
        Insert(_scope.Connection, _scope.Transaction, valid.Value);
        _scope.Invalidate();
        return Get(code.Code);
    }

    public Result<Unit> Remove(string code)
    {
        _scope.RequireWrite();
        if (!Get(code).TryGetValue(out var found, out var error))
        {
            return error;
        }

        if (_scope.Scalar<long>("SELECT EXISTS (SELECT 1 FROM customer WHERE tax_code = @Code COLLATE NOCASE)", new { found.Code }) != 0)
        {
            return new TaxInUse(found.Code, "a customer's default tax code");
        }

        if (_scope.Scalar<long>("SELECT EXISTS (SELECT 1 FROM invoice_line WHERE tax_code = @Code COLLATE NOCASE)", new { found.Code }) != 0)
        {
            return new TaxInUse(found.Code, "invoice lines use it");
        }

        _scope.Execute("DELETE FROM tax_code WHERE code = @Code", new { found.Code });
        _scope.Invalidate();
        return Unit.Value;
    }

    /// <summary>
    /// The code whose charged (taxable) taxes are exactly <paramref name="taxes"/>, by name (case-insensitive) and
    /// rate; null when none. An empty set finds the no-tax code. Among several matches, the one listing the fewest
    /// taxes wins, then the first by code ("" before "E").
    /// </summary>
    public TaxCode? FindExact(IReadOnlyCollection<(string Name, decimal Rate)> taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        var wanted = taxes.Select(t => (Name: t.Name.Trim().ToUpperInvariant(), t.Rate)).ToHashSet();
        if (wanted.Count != taxes.Count)
        {
            return null;
        }

        return List()
            .Where(c => c.Charged.Count == wanted.Count && c.Charged.All(t => wanted.Contains((t.TaxName.ToUpperInvariant(), t.Rate))))
            .OrderBy(c => c.Taxes.Count)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Tax on one amount under one code.</summary>
    public Result<IReadOnlyList<TaxAmount>> Compute(Money.Money amount, string code) => Compute([(amount, code)]);

    /// <summary>Tax on a document's lines (each with its own code), rounded once per tax.</summary>
    public Result<IReadOnlyList<TaxAmount>> Compute(IReadOnlyList<(Money.Money Amount, string Code)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return Array.Empty<TaxAmount>();
        }

        var codes = new List<(Money.Money, TaxCode)>();
        foreach (var (amount, code) in lines)
        {
            if (!Get(code).TryGetValue(out var found, out var error))
            {
                return error;
            }

            codes.Add((amount, found));
        }

        var taxes = _scope.Taxes.List().ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        return Result<IReadOnlyList<TaxAmount>>.Ok(TaxCalculation.Compute(codes, taxes, lines[0].Amount.Currency));
    }

    internal static void Insert(SqliteConnection connection, SqliteTransaction transaction, TaxCode code)
    {
        connection.Execute("INSERT INTO tax_code (code, description) VALUES (@Code, @Description)", new { Code = code.Code.Trim(), code.Description }, transaction);
        connection.Execute(
            "INSERT INTO tax_code_tax (code, tax_id, rate, status) SELECT @Code, id, @Rate, @Status FROM tax WHERE name = @Tax COLLATE NOCASE",
            code.Taxes.Select(t => new { Code = code.Code.Trim(), Rate = SqlFormats.Decimal(t.Rate), Status = StatusName(t.Status), Tax = t.TaxName }),
            transaction);
    }

    public static string StatusName(TaxStatus status) => status switch
    {
        TaxStatus.Taxable => "taxable",
        TaxStatus.Exempt => "exempt",
        TaxStatus.NonTaxable => "non-taxable",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static TaxStatus ParseStatus(string stored) => stored switch
    {
        "taxable" => TaxStatus.Taxable,
        "exempt" => TaxStatus.Exempt,
        "non-taxable" => TaxStatus.NonTaxable,
        _ => throw new InvalidOperationException($"Stored tax status '{stored}' is unknown."),
    };

    /// <summary>
    /// A new code must be usable wherever a code is typed: a sale line ("DESCRIPTION;AMOUNT;TAXCODE[;ACCOUNT]") cannot
    /// carry a ';', and takes "none" to mean no tax, so a code named none would never be charged by a line yet would
    /// be charged as a customer's default. Letters, digits and - . _ only (the sync suggests codes like G5P7-2 and
    /// Q9.975); codes already in a file stay usable as they are.
    /// </summary>
    private static InvalidInput? NameProblem(string? code)
    {
        var trimmed = (code ?? "").Trim();
        if (string.Equals(trimmed, NoTax, StringComparison.OrdinalIgnoreCase))
        {
            return new InvalidInput("tax code", $"'{code}' is reserved: a sale line's tax code \"{NoTax}\" means no tax. Choose another code, e.g. N.");
        }

        return trimmed.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_') ? null : NotACode(code);
    }

    private static InvalidInput NotACode(string? code) =>
        new("tax code", $"'{code}' is not a tax code; use up to {MaxLength} letters, digits, '-', '.' or '_' (no spaces or ';'), e.g. GP.");

    private Result<TaxCode> Validate(TaxCode code)
    {
        var trimmed = (code.Code ?? "").Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace))
        {
            return NotACode(code.Code);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tax in code.Taxes)
        {
            if (!_scope.Taxes.Get(tax.TaxName).IsOk)
            {
                return new UnknownTax(tax.TaxName);
            }

            if (!seen.Add(tax.TaxName.Trim()))
            {
                return new InvalidInput("tax code", $"{tax.TaxName} is listed twice in code '{trimmed}'; list each tax once.");
            }

            if (tax.Rate is < 0m or > 100m)
            {
                return new InvalidInput("tax rate", $"{SqlFormats.Decimal(tax.Rate)}% is not a rate for {tax.TaxName}; give a percentage from 0 to 100, e.g. 13.");
            }
        }

        if (code.Taxes.Where(t => _scope.Taxes.Get(t.TaxName).Value.TaxableByOtherTaxes).Select(t => t.TaxName).ToList() is { Count: > 1 } compound)
        {
            return TwoTaxableByOthers(trimmed, compound);
        }

        return code with { Code = trimmed, Description = code.Description ?? "" };
    }

    /// <summary>
    /// Two taxes of one code each "taxable by other taxes" would each be charged on the other, a cycle; the calculation
    /// would charge neither on the other, silently.
    /// </summary>
    internal static InvalidInput TwoTaxableByOthers(string code, IReadOnlyList<string> taxes) =>
        new("tax code", $"code '{code}' would hold {string.Join(" and ", taxes)}, each taxable by other taxes, so each would be charged on the other; " +
            "a code may hold one tax that others are charged on. Use separate codes, or turn it off for one (`books taxes edit NAME --taxable-by-others off`).");
}
