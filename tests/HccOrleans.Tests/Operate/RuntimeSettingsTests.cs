using System.Text.Json;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// The runtime settings the engine's processes start with, as the build writes them into each one's
/// <c>runtimeconfig.json</c>: an idle thread-pool worker sleeps without spinning first.
/// </summary>
[Trait("Category", "Operate")]
public sealed class RuntimeSettingsTests
{
    private const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    [Theory]
    [InlineData("HccOrleans.Silo")]
    [InlineData("HccOrleans.Api")]
    public void AProcessOfTheEngine_StartsWithThreadPoolWorkersThatDoNotSpin(string process)
    {
        var path = Path.Combine(AppContext.BaseDirectory, process + ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(SpinLimit, out var limit), $"{process}.runtimeconfig.json sets no {SpinLimit}: {properties}");
        Assert.Equal("0", limit.ToString());
    }

    [Fact]
    public void TheRuntime_ReadsTheSetting_InAProcessBuiltWithIt() =>
        Assert.Equal("0", AppContext.GetData(SpinLimit)?.ToString());
}
