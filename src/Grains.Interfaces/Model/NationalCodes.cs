namespace HccOrleans.Grains.Interfaces.Model;

/// <summary>The national (DVCQG) status codes used in reporting.</summary>
public static class NationalCodes
{
    /// <summary>2 once received, 4 once the handling agency has acted on it.</summary>
    public static int Of(DossierStatus status, bool handlingStarted) => status switch
    {
        DossierStatus.Submitted => 1,
        DossierStatus.Processing => handlingStarted ? 4 : 2,
        DossierStatus.Refused => 3,
        DossierStatus.SupplementRequested => 5,
        DossierStatus.AwaitingPayment => 6,
        DossierStatus.Withdrawn => 7,
        DossierStatus.Stopped => 8,
        DossierStatus.Done => 9,
        DossierStatus.Returned => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
