using System.Data.Common;

namespace Broadsheet.Data;

/// <summary>For the few hot paths that talk ADO.NET directly (bulk seeding, search, view flushes).</summary>
public static class DbCommandParameters
{
    /// <summary>Adds <c>@name</c>; the same spelling works on SQLite and Npgsql.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value = null)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        if (value is not null) p.Value = value;
        command.Parameters.Add(p);
        return p;
    }
}
