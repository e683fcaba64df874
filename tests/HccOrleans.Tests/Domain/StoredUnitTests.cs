using HccOrleans.Grains.Catalogue;
using HccOrleans.Persistence;

namespace HccOrleans.Tests.Domain;

/// <summary>Unit rows stored before units had levels and validity read on, and a v2.0 unit writes the v2.0 words.</summary>
[Trait("Category", "Domain")]
public sealed class StoredUnitTests
{
    // A unit directory row as v1.1 wrote it: kinds in their old words, nothing of level or validity.
    private const string StoredBefore =
        """{"units":{"ONE":{"agencyCode":"ONE","name":"Bộ phận một cửa","electronicId":"000.00.99.H47","kind":"one-stop"},"AGA":{"agencyCode":"AGA","name":"Sở A","electronicId":"000.00.97.H47","kind":"agency"}}}""";

    [Fact]
    public void V11Row_ReadsAsProvincialUnitsValidAlways()
    {
        var directory = JsonSerializer.Deserialize<UnitDirectoryState>(StoredBefore, StoredJson.Options)!;

        var (oneStop, agency) = (directory.Units["ONE"], directory.Units["AGA"]);
        Assert.Equal((UnitKind.ServiceCenter, UnitLevel.Province, (DateOnly?)null, (DateOnly?)null), (oneStop.Kind, oneStop.Level, oneStop.ValidFrom, oneStop.ValidTo));
        Assert.Equal(UnitKind.HandlingAgency, agency.Kind);
        Assert.True(oneStop.ExistsOn(new DateOnly(2019, 6, 1)) && oneStop.ExistsOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void V20Unit_WritesItsWords_AndReadsBackEqual()
    {
        var unit = new UnitInfo("DNG-HOIAN-TT", "Trung tâm Phục vụ hành chính công phường Hội An", "000.00.20.H17", UnitKind.ServiceCenter)
        {
            Level = UnitLevel.Commune, Parent = "DNG-HOIAN", ValidFrom = new DateOnly(2025, 7, 1), ElectronicIdToConfigure = true,
        };

        var json = JsonSerializer.Serialize(unit, StoredJson.Options);

        Assert.Contains("\"kind\":\"service-center\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\":\"commune\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("receives", json, StringComparison.Ordinal);
        Assert.Equal(unit, JsonSerializer.Deserialize<UnitInfo>(json, StoredJson.Options));
    }
}
