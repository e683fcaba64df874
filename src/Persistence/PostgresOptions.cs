using System.ComponentModel.DataAnnotations;

namespace HccOrleans.Persistence;

/// <summary>The <c>Postgres</c> configuration section: the bound of the process's one connection pool.</summary>
public sealed class PostgresOptions
{
    public const string Section = "Postgres";

    /// <summary>At most this many connections (default: the connection string's Maximum Pool Size if set, else 20).</summary>
    [Range(1, 10_000)]
    public int? MaxConnections { get; set; }
}
