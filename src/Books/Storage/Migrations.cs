using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// The schema scripts embedded from Storage/Migrations/NNNN_name.sql, applied in number order. Books owns
/// 0001-0099; 0100-0199 belong to Books.Sync's tables. The schema version (PRAGMA user_version) is the number of
/// the highest script applied; table schema_migration records which ones (see <see cref="BeforeTracking"/>).
/// </summary>
internal static class Migrations
{
    private const string Prefix = "BillingBooks.Books.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> All = new(Load);

    public static IReadOnlyList<Migration> Scripts => All.Value;

    public static int LatestVersion => Scripts[^1].Number;

    /// <summary>
    /// The scripts that existed before files recorded which scripts they have (table schema_migration): a file
    /// without that table has exactly those numbered up to its user_version. Later scripts may take free numbers
    /// below older ones (Books' 0003 came after Books.Sync's 0100), so the version alone no longer says which ran.
    /// </summary>
    private static readonly int[] BeforeTracking = [1, 2, 100];

    /// <summary>The numbers of the scripts a file has had.</summary>
    public static IReadOnlySet<int> Applied(SqliteConnection connection)
    {
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'") > 0)
        {
            return connection.Query<long>("SELECT number FROM schema_migration").Select(n => checked((int)n)).ToHashSet();
        }

        var version = connection.ExecuteScalar<long>("PRAGMA user_version");
        return BeforeTracking.Where(n => n <= version).ToHashSet();
    }

    /// <summary>Scripts this build has that the file has not had, in number order.</summary>
    public static IReadOnlyList<Migration> Pending(SqliteConnection connection)
    {
        var applied = Applied(connection);
        return Scripts.Where(m => !applied.Contains(m.Number)).ToArray();
    }

    /// <summary>True when the file has had a script this build does not know: it comes from a newer Books.</summary>
    public static bool IsNewer(SqliteConnection connection) =>
        connection.ExecuteScalar<long>("PRAGMA user_version") > LatestVersion || Applied(connection).Any(n => Scripts.All(m => m.Number != n));

    /// <summary>
    /// Applies <paramref name="scripts"/> in number order, each in its own transaction with its record in
    /// schema_migration; user_version becomes the highest number applied.
    /// </summary>
    public static void Apply(SqliteConnection connection, IEnumerable<Migration> scripts)
    {
        foreach (var script in scripts.OrderBy(m => m.Number))
        {
            var applied = Applied(connection);
            using var transaction = connection.BeginTransaction();
            connection.Execute("CREATE TABLE IF NOT EXISTS schema_migration (number INTEGER PRIMARY KEY)", transaction: transaction);
            connection.Execute("INSERT OR IGNORE INTO schema_migration (number) VALUES (@Number)", applied.Select(n => new { Number = n }), transaction);
            connection.Execute(script.Sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migration (number) VALUES (@Number)", new { script.Number }, transaction);
            var version = Math.Max(script.Number, applied.DefaultIfEmpty(0).Max());
            connection.Execute("PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture), transaction: transaction);
            transaction.Commit();
        }
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var scripts = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = name[Prefix.Length..];
            var digits = file.Split('_', 2)[0];
            if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new InvalidOperationException($"Migration '{file}' must be named NNNN_name.sql.");
            }

            scripts.Add(new Migration(number, file, Read(assembly, name)));
        }

        scripts.Sort((a, b) => a.Number.CompareTo(b.Number));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Number == scripts[i - 1].Number)
            {
                throw new InvalidOperationException($"Migrations '{scripts[i - 1].Name}' and '{scripts[i].Name}' share number {scripts[i].Number}.");
            }
        }

        return scripts.Count > 0 ? scripts : throw new InvalidOperationException("No embedded migrations found.");
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

internal sealed record Migration(int Number, string Name, string Sql);
