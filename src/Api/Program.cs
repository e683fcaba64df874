namespace HccOrleans.Api;

/// <summary>The API as its own process: an Orleans client of a running cluster.</summary>
public sealed class ApiProgram
{
    private ApiProgram()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseOrleansClient(client =>
        {
            client.UseHccClientClustering(builder.Configuration);
            if (TelemetrySetup.Traces(builder.Configuration))
            {
                client.AddActivityPropagation();
            }
        });
        builder.AddHccApi();

        var app = builder.Build();
        app.MapHccApi();
        app.Run();
    }
}
