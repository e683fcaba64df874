using HccOrleans.Persistence;
using Orleans.Serialization;

namespace HccOrleans.Silo.Providers;

public static class StoredJsonSetup
{
    /// <summary>Orleans' System.Text.Json grain storage serializer, writing the stored contract, for every storage provider of the silo.</summary>
    public static ISiloBuilder UseStoredJson(this ISiloBuilder silo)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(options => StoredJson.Configure(options.JsonSerializerOptions));
        return silo;
    }
}
