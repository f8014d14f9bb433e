using Broadsheet.Data;
using Broadsheet.Data.Migrations.Postgres;
using Broadsheet.Data.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Text;

namespace Broadsheet.Tests.Host;

/// <summary>
/// Issue 15: the app runs on EF models compiled ahead of time, one per provider
/// (src/Broadsheet/Host/CompiledModels, `dotnet ef dbcontext optimize`), because building the model
/// from OnModelCreating was a large share of a start's CPU. A compiled model is code generated
/// from the configurations: a model change without regenerating it must fail here, not in a query.
/// Regenerating: src/Broadsheet/Data/README.md. The same goes for the migration ids the start's
/// pending check reads instead of EF's scan of the assembly (BroadsheetDb.MigrationIds).
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    // The design-time factories open no connection: the models are compared without a database.
    private static BroadsheetDb Create(string provider) => provider == "Sqlite"
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_has_the_tables_columns_keys_and_indexes_of_the_model_the_code_builds(string provider)
    {
        using var db = Create(provider);
        var compiled = db.Model;
        compiled.GetType().Namespace.ShouldBe($"Broadsheet.Host.CompiledModels.{provider}", "the context does not run on the compiled model");

        // EF's migration differ cannot read a compiled model (it keeps only what queries need), so
        // the comparison is of what queries and saves use: tables, columns, keys, indexes.
        Tables(compiled).ShouldBe(Tables(db.GetService<IDesignTimeModel>().Model),
            $"{provider}: the compiled model is stale; regenerate it (src/Broadsheet/Data/README.md)");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migration_ids_the_start_checks_are_exactly_the_migrations_EF_finds_in_the_assembly(string provider)
    {
        using var db = Create(provider);
        // The start decides "migrate or not" from MigrationIds alone; a migration missing from it
        // would never be applied, one too many would migrate at every start.
        db.MigrationIds.ShouldBe(db.Database.GetMigrations().ToList(),
            $"{provider}: add the new migration's id to {db.GetType().Name}.MigrationIds (src/Broadsheet/Data/README.md)");
    }

    private static string Tables(IModel model)
    {
        var s = new StringBuilder();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            s.Append(table.Name).AppendLine();
            foreach (var c in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
                s.Append("  ").Append(c.Name).Append(' ').Append(c.StoreType).Append(c.IsNullable ? " null" : " not null").AppendLine();
            if (table.PrimaryKey is { } pk) s.Append("  pk ").Append(pk.Name).Append(' ').AppendJoin(",", pk.Columns.Select(c => c.Name)).AppendLine();
            foreach (var u in table.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal))
                s.Append("  unique ").Append(u.Name).Append(' ').AppendJoin(",", u.Columns.Select(c => c.Name)).AppendLine();
            foreach (var i in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
                s.Append("  index ").Append(i.Name).Append(i.IsUnique ? " unique " : " ").AppendJoin(",", i.Columns.Select(c => c.Name)).AppendLine();
            foreach (var f in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
                s.Append("  fk ").Append(f.Name).Append(' ').AppendJoin(",", f.Columns.Select(c => c.Name)).Append(" -> ")
                    .Append(f.PrincipalTable.Name).Append(' ').Append(f.OnDeleteAction).AppendLine();
        }
        return s.ToString();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_maps_every_property_and_navigation_as_the_model_the_code_builds(string provider)
    {
        // What the relational comparison above cannot see: value converters (SQLite's UTC times),
        // navigations, query filters, and properties that map to no column.
        using var db = Create(provider);

        Shape(db.Model).ShouldBe(Shape(db.GetService<IDesignTimeModel>().Model),
            $"{provider}: the compiled model is stale; regenerate it (src/Broadsheet/Data/README.md)");
    }

    private static string Shape(IModel model)
    {
        var s = new StringBuilder();
        foreach (var type in model.GetEntityTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            s.Append(type.Name).Append(" table ").Append(type.GetTableName()).Append(" filter ").Append(type.GetDeclaredQueryFilters().Count).AppendLine();
            foreach (var p in type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                s.Append("  ").Append(p.Name).Append(' ').Append(p.ClrType.Name).Append(p.IsNullable ? "?" : "")
                    .Append(" converter ").Append(p.GetValueConverter()?.GetType().Name ?? "-")
                    .Append(" generated ").Append(p.ValueGenerated)
                    .Append(" concurrency ").Append(p.IsConcurrencyToken).AppendLine();
            foreach (var n in type.GetNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
                s.Append("  nav ").Append(n.Name).Append(" -> ").Append(n.TargetEntityType.Name)
                    .Append(" on ").Append(string.Join(",", n.ForeignKey.Properties.Select(p => p.Name)))
                    .Append(" delete ").Append(n.ForeignKey.DeleteBehavior).AppendLine();
            foreach (var n in type.GetSkipNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
                s.Append("  skip ").Append(n.Name).Append(" -> ").Append(n.TargetEntityType.Name).AppendLine();
        }
        return s.ToString();
    }
}
