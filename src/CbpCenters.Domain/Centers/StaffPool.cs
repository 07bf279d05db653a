namespace CbpCenters.Domain.Centers;

/// <summary>Where a Center's staff member comes from.</summary>
public enum StaffPool
{
    /// <summary>Full time at the Center, reporting to the Center Director.</summary>
    Core,

    /// <summary>Port staff working part time on Center work; the ports keep Fines, Penalties &amp; Forfeitures authority.</summary>
    Matrix,
}
