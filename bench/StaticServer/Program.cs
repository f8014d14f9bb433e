using Microsoft.Extensions.FileProviders;

// The benchmark's yardstick: Kestrel serving files from a folder and nothing else, so the
// article page can be compared with the very same bytes served as a static file.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var root = app.Configuration["root"] ?? throw new InvalidOperationException("usage: StaticServer --root DIR --urls URL");
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(root)) });
app.Run();
