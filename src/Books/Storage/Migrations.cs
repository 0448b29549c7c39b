using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// The schema scripts embedded from Storage/Migrations/NNNN_name.sql, applied in number order. Books owns
/// 0001-0099; 0100-0199 belong to Books.Sync's tables. The schema version (PRAGMA user_version) is the number of
/// the last script applied, so a file's version says exactly which scripts it has seen.
/// </summary>
internal static class Migrations
{
    private const string Prefix = "BillingBooks.Books.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> All = new(Load);

    public static IReadOnlyList<Migration> Scripts => All.Value;

    public static int LatestVersion => Scripts[^1].Number;

    /// <summary>Applies every script numbered above <paramref name="fromVersion"/> and up to <paramref name="toVersion"/>, each in its own transaction.</summary>
    public static void Apply(SqliteConnection connection, int fromVersion, int toVersion)
    {
        foreach (var script in Scripts.Where(m => m.Number > fromVersion && m.Number <= toVersion))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(script.Sql, transaction: transaction);
            connection.Execute("PRAGMA user_version = " + script.Number.ToString(CultureInfo.InvariantCulture), transaction: transaction);
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
