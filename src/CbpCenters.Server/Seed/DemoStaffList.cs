using CbpCenters.Server.Auth;

namespace CbpCenters.Server.Seed;

/// <summary>One demo sign-in.</summary>
public sealed record DemoPerson(
    string UserName, string DisplayName, string[] Roles, string? CenterCode = null, string[]? Positions = null,
    string Pool = "Core", string? Port = null);

/// <summary>
/// The demo organisation: a director for each of the ten Centers, four DFOs over them, and working teams
/// (core and matrix) at the two original Centers, Pharmaceuticals in New York and Electronics in Long Beach.
/// </summary>
public static class DemoStaffList
{
    public static readonly IReadOnlyDictionary<string, string> DfoOfCenter = new Dictionary<string, string>
    {
        ["PHC"] = "dfo.newyork", ["IMM"] = "dfo.newyork", ["CPM"] = "dfo.newyork", ["AGR"] = "dfo.newyork",
        ["ELE"] = "dfo.losangeles", ["AFT"] = "dfo.losangeles",
        ["AUT"] = "dfo.chicago", ["BMT"] = "dfo.chicago",
        ["PNM"] = "dfo.houston", ["MAC"] = "dfo.houston",
    };

    public static IEnumerable<DemoPerson> People()
    {
        yield return new("admin", "Avery Admin", [AppRoles.Admin, AppRoles.Supervisor]);
        yield return new("integration", "ACE integration", [AppRoles.Integration]);
        yield return new("dfo.newyork", "Morgan Reyes (DFO New York)", [AppRoles.Dfo]);
        yield return new("dfo.losangeles", "Jordan Lee (DFO Los Angeles)", [AppRoles.Dfo]);
        yield return new("dfo.chicago", "Casey Novak (DFO Chicago)", [AppRoles.Dfo]);
        yield return new("dfo.houston", "Riley Banks (DFO Houston)", [AppRoles.Dfo]);
        foreach (var code in DfoOfCenter.Keys.Order())
            yield return new($"{code.ToLowerInvariant()}.director", $"Director, {code} Center", [AppRoles.CenterDirector, AppRoles.Supervisor], code);

        foreach (var (code, name, ports) in new[] { ("PHC", "New York", new[] { "1001", "4601" }), ("ELE", "Long Beach", new[] { "2704", "2709" }) })
        {
            var p = code.ToLowerInvariant();
            string[] staff = [AppRoles.Staff];
            yield return new($"{p}.supervisor", $"{name} supervisory import specialist", [AppRoles.Supervisor, AppRoles.Staff], code, ["ImportSpecialist", "SupervisoryImportSpecialist"]);
            yield return new($"{p}.is1", $"{name} import specialist 1", staff, code, ["ImportSpecialist"]);
            yield return new($"{p}.is2", $"{name} import specialist 2", staff, code, ["ImportSpecialist"]);
            yield return new($"{p}.is3", $"{name} import specialist 3", staff, code, ["ImportSpecialist"]);
            yield return new($"{p}.es1", $"{name} entry specialist", staff, code, ["EntrySpecialist"]);
            yield return new($"{p}.attorney", $"{name} attorney-advisor", staff, code, ["AttorneyAdvisor"]);
            yield return new($"{p}.auditor", $"{name} auditor", staff, code, ["Auditor"]);
            yield return new($"{p}.nam", $"{name} national account manager", staff, code, ["NationalAccountManager"]);
            yield return new($"{p}.its", $"{name} international trade specialist", staff, code, ["InternationalTradeSpecialist"]);
            yield return new($"{p}.paralegal", $"{name} paralegal (matrix)", staff, code, ["Paralegal"], "Matrix", ports[0]);
            yield return new($"{p}.sps", $"{name} seized property specialist (matrix)", staff, code, ["SeizedPropertySpecialist"], "Matrix", ports[1]);
            yield return new($"{p}.officer", $"{name} CBP officer (matrix)", staff, code, ["CbpOfficer"], "Matrix", ports[0]);
        }
    }
}
