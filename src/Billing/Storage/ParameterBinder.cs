using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;

namespace BillingBooks.Billing.Storage;

/// <summary>
/// Binds the properties of an anonymous parameter object by name (as Dapper does), for the plain types every
/// provider binds the same way with or without Dapper; commands we keep or batch ourselves use it.
/// </summary>
internal sealed class ParameterBinder
{
    public static readonly ParameterBinder None = new([]);

    private static readonly ConcurrentDictionary<Type, ParameterBinder?> Binders = new();

    private static readonly HashSet<Type> Plain =
    [
        typeof(string), typeof(long), typeof(long?), typeof(int), typeof(int?), typeof(bool), typeof(bool?), typeof(double), typeof(double?), typeof(byte[]),
    ];

    private readonly (string Name, PropertyInfo Property)[] _properties;

    private ParameterBinder((string Name, PropertyInfo Property)[] properties) => _properties = properties;

    /// <summary>Null when a property has a type Dapper treats specially (lists, enums, decimals, dates): Dapper binds those.</summary>
    public static ParameterBinder? For(object? parameters) => parameters is null ? None : Binders.GetOrAdd(parameters.GetType(), static t =>
    {
        var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return properties.All(p => Plain.Contains(p.PropertyType) && p.GetIndexParameters().Length == 0)
            ? new ParameterBinder(properties.Select(p => ("@" + p.Name, p)).ToArray())
            : null;
    });

    public void AddParameters(DbParameterCollection parameters, Func<DbParameter> create)
    {
        parameters.Clear();
        foreach (var (name, _) in _properties)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameters.Add(parameter);
        }
    }

    public void SetValues(DbParameterCollection parameters, object? values)
    {
        for (var i = 0; i < _properties.Length; i++)
        {
            parameters[i].Value = _properties[i].Property.GetValue(values) ?? DBNull.Value;
        }
    }
}
