namespace Broadsheet.Tests.Fixtures;

/// <summary>Runs only when BROADSHEET_TEST_PROVIDER=Postgres: there is no server to stop (or to share) under SQLite.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string needs = "Needs a PostgreSQL server to stop")
    {
        if (!TestDatabase.IsPostgres) Skip = $"{needs}; runs in the PostgreSQL pass of test.sh.";
    }
}
