using HccOrleans.Api.Hosting;
using HccOrleans.Silo.Hosting;

namespace HccOrleans.Silo;

/// <summary>Silo, API and dashboard in one process.</summary>
public sealed class SiloProgram
{
    private SiloProgram()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHccSilo();
        builder.AddHccApi();

        var app = builder.Build();
        app.MapHccApi();
        app.MapHccDashboard();
        app.Run();
    }
}
