namespace CbpCenters.Server.Auth;

/// <summary>What a signed-in person may do in the service (their CBP position is a separate thing).</summary>
public static class AppRoles
{
    public const string Staff = "Staff";
    public const string Supervisor = "Supervisor";
    public const string CenterDirector = "CenterDirector";
    public const string Dfo = "DFO";
    public const string Admin = "Admin";
    public const string Integration = "Integration";

    public static readonly string[] All = [Staff, Supervisor, CenterDirector, Dfo, Admin, Integration];

    /// <summary>Policies by name, used on endpoint groups.</summary>
    public const string DesignWorkflows = "DesignWorkflows";
    public const string OperateWorkflows = "OperateWorkflows";
    public const string StartWorkflows = "StartWorkflows";
    public const string Administer = "Administer";
    /// <summary>Any CBP person (staff, supervisors, directors, DFOs, administrators), not an integration.</summary>
    public const string StaffOnly = "StaffOnly";
    /// <summary>Filing work into the service: the ACE integration, or staff recording a filing or a filer's answer.</summary>
    public const string Intake = "Intake";
    /// <summary>Maintaining importer accounts: administrators, supervisors, directors and the integration.</summary>
    public const string ManageAccounts = "ManageAccounts";
}
