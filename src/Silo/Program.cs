using HccOrleans.Api.Hosting;
using HccOrleans.Silo.Hosting;

// Silo, API and dashboard in one process.
var builder = WebApplication.CreateBuilder(args);
builder.AddHccSilo();
builder.AddHccApi();

var app = builder.Build();
app.MapHccApi();
app.MapHccDashboard();
app.Run();

/// <summary>The co-hosted engine's entry point, public so that tests can host it.</summary>
public partial class Program;
