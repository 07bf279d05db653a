using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Centers;
using CbpCenters.Domain.Identifiers;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using CbpCenters.Persistence.Organisation;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Staff;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Endpoints;

/// <summary>The ten Centers, their directors and DFOs, and the staff: who works where, in which positions and pool.</summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var centers = app.MapGroup("/api/v1/centers").WithTags("Organisation").RequireAuthorization();
        centers.MapGet("/", ListCenters).WithName("ListCenters").WithSummary("The ten Centers with their Director and DFO.");
        centers.MapPut("/{code}", UpdateCenter).WithName("UpdateCenter").WithSummary("Sets a Center's Director and DFO.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(AppRoles.Administer);
        var staff = app.MapGroup("/api/v1/staff").WithTags("Organisation").RequireAuthorization(AppRoles.StaffOnly);
        staff.MapGet("/", ListStaff).WithName("ListStaff").WithSummary("Staff, optionally of one Center.");
        staff.MapGet("/{userName}", GetStaff).WithName("GetStaff");
        staff.MapPost("/", CreateStaff).WithName("CreateStaff").WithSummary("Creates a staff account.").RequireAuthorization(AppRoles.Administer);
        staff.MapPut("/{userName}", UpdateStaff).WithName("UpdateStaff").WithSummary("Changes a person's Center, positions, pool, port and roles.")
            .RequireAuthorization(AppRoles.Administer);
        staff.MapPut("/{userName}/out-of-office", SetOutOfOffice).WithName("SetOutOfOffice")
            .WithSummary("Marks a person out of office (new tasks skip them), names their substitute and optionally hands them the tasks the person holds; by themselves or a supervisor.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record CenterDto(string Code, string Name, string ManagementOffice, string TimeZoneId, string? DirectorUserName, string? DfoUserName);
    /// <summary>Both posts, each a user name or null for a vacancy; a property left out is refused, not taken as null.</summary>
    public sealed record CenterUpdate([property: JsonRequired] string? DirectorUserName, [property: JsonRequired] string? DfoUserName);
    public sealed record StaffDto(string UserName, string DisplayName, string? Email, string? CenterCode, IReadOnlyList<string> Positions,
        string Pool, string? Port, bool OutOfOffice, string? Substitute, bool Active, IReadOnlyList<string> Roles);
    public sealed record StaffRequest(string? UserName, string? DisplayName, string? Email, string? Password, string? CenterCode,
        List<string>? Positions, string? Pool, string? Port, List<string>? Roles, bool? Active);
    /// <param name="HandOverHeldTasks">Also move the open tasks the person holds to the substitute.</param>
    public sealed record OutOfOfficeRequest(bool OutOfOffice, string? Substitute, bool HandOverHeldTasks = false);
    public sealed record OutOfOfficeResponse(StaffDto Staff, int TasksHandedOver);

    private static async Task<Ok<List<CenterDto>>> ListCenters(CbpCentersDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Centers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(ToDto).ToList());

    private static async Task<Ok<CenterDto>> UpdateCenter(string code, CenterUpdate update, CenterLeadership leadership, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await leadership.SetAsync(code, update.DirectorUserName, update.DfoUserName, "directorUserName", "dfoUserName", ct)));

    private static async Task<Ok<List<StaffDto>>> ListStaff(string? center, UserManager<StaffUser> users, CancellationToken ct)
    {
        var q = users.Users.AsNoTracking();
        if (center is not null)
        {
            var code = CenterCatalog.Find(center)?.Code ?? throw new WorkflowInputException("center", $"'{center}' is not a Center code (e.g. PHC, ELE).");
            q = q.Where(u => u.CenterCode == code);
        }
        var list = new List<StaffDto>();
        foreach (var user in await q.OrderBy(u => u.UserName).ToListAsync(ct)) list.Add(await ToDtoAsync(user, users));
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<StaffDto>, NotFound>> GetStaff(string userName, UserManager<StaffUser> users) =>
        await users.FindByNameAsync(userName) is { } user ? TypedResults.Ok(await ToDtoAsync(user, users)) : TypedResults.NotFound();

    private static async Task<Created<StaffDto>> CreateStaff(StaffRequest request, UserManager<StaffUser> users)
    {
        var userName = request.UserName?.Trim();
        if (string.IsNullOrEmpty(userName)) throw new WorkflowInputException("userName", "userName is required.");
        if (await users.FindByNameAsync(userName) is not null) throw new WorkflowConflictException($"{userName} already exists.");
        if (string.IsNullOrEmpty(request.Password)) throw new WorkflowInputException("password", "password is required for a new account.");
        var user = new StaffUser { UserName = userName, EmailConfirmed = true };
        Apply(user, request);
        Check(await users.CreateAsync(user, request.Password));
        Check(await users.AddToRolesAsync(user, Roles(request.Roles ?? [AppRoles.Staff])));
        return TypedResults.Created($"/api/v1/staff/{userName}", await ToDtoAsync(user, users));
    }

    private static async Task<Results<Ok<StaffDto>, NotFound>> UpdateStaff(string userName, StaffRequest request, HttpContext http,
        UserManager<StaffUser> users, StrandedWork stranded, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null) return TypedResults.NotFound();
        OwnAccount.KeepAccess(string.Equals(user.UserName, http.User.Identity?.Name, StringComparison.OrdinalIgnoreCase), request.Active, request.Roles);
        // Everything is checked before anything is saved.
        var wanted = request.Roles is { } roles ? Roles(roles) : null;
        var (fromCenter, wasActive) = (user.CenterCode, user.Active);
        Apply(user, request);
        await stranded.RefuseAsync(user, fromCenter, wasActive, wanted, ct);
        Check(await users.UpdateAsync(user));
        if (wanted is not null)
        {
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
            Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        }
        return TypedResults.Ok(await ToDtoAsync(user, users));
    }

    /// <summary>By the person themselves, or by a supervisor of their Center.</summary>
    private static async Task<Ok<OutOfOfficeResponse>> SetOutOfOffice(string userName, OutOfOfficeRequest request, HttpContext http,
        CurrentStaff staff, OutOfOffice absence, UserManager<StaffUser> users, CancellationToken ct)
    {
        var result = await absence.SetAsync(await staff.ActorAsync(http.User, ct), http.User.IsInRole(AppRoles.Admin), userName,
            request.OutOfOffice, request.Substitute, request.HandOverHeldTasks, ct);
        return TypedResults.Ok(new OutOfOfficeResponse(await ToDtoAsync(result.User, users), result.TasksHandedOver));
    }

    private static void Apply(StaffUser user, StaffRequest request)
    {
        if (request.DisplayName is not null) user.DisplayName = request.DisplayName.Trim();
        if (request.Email is not null) user.Email = Filing.Email(request.Email, "email");
        if (request.CenterCode is not null)
            user.CenterCode = request.CenterCode.Length == 0 ? null
                : CenterCatalog.Find(request.CenterCode)?.Code ?? throw new WorkflowInputException("centerCode", $"'{request.CenterCode}' is not a Center code (e.g. PHC, ELE).");
        if (request.Positions is not null)
        {
            foreach (var p in request.Positions.Where(p => !Enum.TryParse<StaffPosition>(p, out _)))
                throw new WorkflowInputException("positions", $"'{p}' is not a position; use one of {string.Join(", ", Enum.GetNames<StaffPosition>())}.");
            user.Positions = [.. request.Positions.Select(p => Enum.Parse<StaffPosition>(p).ToString())];
        }
        if (request.Pool is not null)
            user.Pool = request.Pool is "Core" or "Matrix" ? request.Pool : throw new WorkflowInputException("pool", "pool must be Core or Matrix.");
        if (request.Port is not null)
            user.Port = request.Port.Length == 0 ? null
                : PortCode.TryParse(request.Port, out var port, out var error) ? port.Value : throw new WorkflowInputException("port", error!);
        if (request.Active is { } active) user.Active = active;
    }

    private static List<string> Roles(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        foreach (var role in list.Where(r => !AppRoles.All.Contains(r)))
            throw new WorkflowInputException("roles", $"'{role}' is not a role; use {string.Join(", ", AppRoles.All)}.");
        return list;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new WorkflowInputException(result.Errors.First().Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName",
                string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static CenterDto ToDto(CenterProfile c) => new(c.Code, c.Name, c.ManagementOffice, c.TimeZoneId, c.DirectorUserName, c.DfoUserName);

    private static async Task<StaffDto> ToDtoAsync(StaffUser u, UserManager<StaffUser> users) => new(
        u.UserName!, u.DisplayName, u.Email, u.CenterCode, u.Positions, u.Pool, u.Port, u.OutOfOffice, u.Substitute, u.Active,
        [.. await users.GetRolesAsync(u)]);
}
