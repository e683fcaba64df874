using System.Globalization;

namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>Amounts of money as Vietnamese write them, for the control log, the pages and the printed forms alike.</summary>
public static class Money
{
    /// <summary>1500000 → "1.500.000 đồng".</summary>
    public static string Of(decimal amount) =>
        amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') + " đồng";
}
