using Npgsql;

namespace Broadsheet.Data.Providers.Postgres;

/// <summary>The pg_dump command line for a connection string, never including its password.</summary>
public static class PgDumpCommand
{
    public static string For(string connectionString, string file)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var parts = new List<string> { "pg_dump", "--format=custom" };
        if (!string.IsNullOrEmpty(c.Host)) parts.Add("--host=" + Quote(c.Host));
        if (c.Port != NpgsqlConnection.DefaultPort) parts.Add("--port=" + c.Port);
        if (!string.IsNullOrEmpty(c.Username)) parts.Add("--username=" + Quote(c.Username));
        if (!string.IsNullOrEmpty(c.Database)) parts.Add("--dbname=" + Quote(c.Database));
        parts.Add("--file=" + Quote(file));
        return string.Join(' ', parts);
    }

    // Single quotes keep a shell from reading anything in the value; a quote inside becomes '\''.
    public static string Quote(string value) =>
        value.Length > 0 && value.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_./:@,=+".Contains(ch))
            ? value
            : "'" + value.Replace("'", "'\\''") + "'";
}
