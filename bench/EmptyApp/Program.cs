// One route and nothing else: what CreateBuilder, Build and Kestrel cost on this machine before any
// of Broadsheet's own start-up (bench/cold-start.sh --floor).
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health", () => "Healthy");
app.Run();
