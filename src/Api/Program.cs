using HccOrleans.Api.Hosting;

// The API as its own process: an Orleans client of a running cluster.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleansClient(client => client.UseHccClientClustering(builder.Configuration));
builder.AddHccApi();

var app = builder.Build();
app.MapHccApi();
app.Run();
