namespace Broadsheet.Tests.Fixtures;

/// <summary>Runs only on SQLite: for what only its provider has (the write gate).</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string needs = "Tests SQLite's own provider")
    {
        if (TestDatabase.IsPostgres) Skip = $"{needs}; runs in the SQLite pass of test.sh.";
    }
}
