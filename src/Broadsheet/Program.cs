using Broadsheet.Host;

// The composition, pipeline, command line and start-up tasks live in Host/ (docs/architecture.md).
var builder = WebApplication.CreateBuilder(args);
builder.AddBroadsheet();

var app = builder.Build();
if (Cli.IsCommand(args)) return await Cli.RunAsync(app, args);

await app.RunStartupTasksAsync();
app.UseSite();
app.MapEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
