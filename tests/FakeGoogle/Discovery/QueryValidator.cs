using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>
/// Binds query and path parameters the way Google does: a name must be a parameter of the method or one of the
/// standard ones, given once unless repeated, of the declared type and, for an enum, one of its values.
/// </summary>
internal sealed class QueryValidator(DiscoveryDocument discovery)
{
    /// <summary>The query by declared (lowerCamel) name; every name and value has been checked.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(
        DiscoveryMethod method, IReadOnlyDictionary<string, StringValues> query, IReadOnlyDictionary<string, string> pathValues)
    {
        foreach (var (name, value) in pathValues)
        {
            Check(method.Parameters[name], [value]);
        }
        var bound = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var queryParameters = method.Parameters.Values.Where(p => p.Location == "query")
            .Concat(discovery.StandardParameters.Values)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (given, values) in query)
        {
            var name = ProtoNames.Resolve(given, queryParameters.Keys)
                ?? throw FakeApiError.InvalidArgument(
                    $"Invalid JSON payload received. Unknown name \"{given}\": Cannot bind query parameter. Field '{given}' could not be found in request message.",
                    given);
            var parameter = queryParameters[name];
            var list = bound.TryGetValue(name, out var earlier) ? [.. earlier, .. values.Select(v => v ?? string.Empty)] : values.Select(v => v ?? string.Empty).ToList();
            if (list.Count > 1 && !parameter.Repeated)
            {
                throw FakeApiError.InvalidArgument(
                    $"Invalid JSON payload received. Cannot bind query parameter '{ProtoNames.Snake(name)}': it is not repeated, but was given {list.Count} values.",
                    name);
            }
            Check(parameter, list);
            bound[name] = list;
        }
        return bound;
    }

    private static void Check(DiscoveryParameter parameter, IReadOnlyList<string> values)
    {
        var path = ProtoNames.Snake(parameter.Name);
        foreach (var value in values)
        {
            var valid = parameter.Type switch
            {
                "boolean" => value is "true" or "false" or "1" or "0",
                "integer" => parameter.Format == "int32"
                    ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                    : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
                "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                _ => parameter.Enum is null || parameter.Enum.Contains(value, StringComparer.Ordinal),
            };
            if (!valid)
            {
                var type = parameter.Enum is not null ? "TYPE_ENUM" : "TYPE_" + (parameter.Format ?? parameter.Type).ToUpperInvariant();
                throw FakeApiError.InvalidArgument($"Invalid value at '{path}' ({type}), \"{value}\"", parameter.Name);
            }
        }
    }
}
