using CbpCenters.Domain.Cases;
using CbpCenters.Domain.Centers;
using CbpCenters.Domain.Identifiers;
using CbpCenters.Engine.Runtime;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Cases;
using CbpCenters.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Cases;

/// <summary>Importer accounts: trusted-partner programmes, assigned Center, filer contacts, National Account Manager.</summary>
public static class ImportersApi
{
    public static IEndpointRouteBuilder MapImportersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/importers").WithTags("Cases").RequireAuthorization();
        api.MapGet("/", List).WithName("ListImporters").WithSummary("Importer accounts, optionally of one Center.");
        api.MapGet("/{importerNumber}", Get).WithName("GetImporter");
        api.MapPut("/{importerNumber}", Put).WithName("PutImporter").WithSummary("Creates or updates an importer account.")
            .RequireAuthorization(AppRoles.ManageAccounts);
        return app;
    }

    public sealed record ImporterRequest(string? Name, bool CTpat, bool Isa, string? CenterCode, List<string>? FilerEmails, string? NationalAccountManager);

    private static async Task<Ok<List<ImporterRecord>>> List(string? center, CbpCentersDbContext db, CenterScope scope, HttpContext http, CancellationToken ct)
    {
        var q = db.Importers.AsNoTracking();
        if (await scope.CentersAsync(http.User, ct) is { } centers)
        {
            var visible = centers.ToList();
            q = q.Where(i => i.CenterCode == null || visible.Contains(i.CenterCode));
        }
        if (center is not null) q = q.Where(i => i.CenterCode == center.ToUpperInvariant());
        return TypedResults.Ok(await q.OrderBy(i => i.Name).ToListAsync(ct));
    }

    private static async Task<Results<Ok<ImporterRecord>, NotFound>> Get(string importerNumber, CbpCentersDbContext db, CenterScope scope, HttpContext http, CancellationToken ct)
    {
        var importer = await db.Importers.AsNoTracking().FirstOrDefaultAsync(i => i.ImporterNumber == importerNumber, ct);
        if (importer is null) return TypedResults.NotFound();
        if (importer.CenterCode is not null) await scope.EnsureAsync(http.User, importer.CenterCode, "importer account", ct);
        return TypedResults.Ok(importer);
    }

    /// <summary>A supervisor changes only accounts of their Centers, and can move one only to another of their Centers.</summary>
    private static async Task<Ok<ImporterRecord>> Put(string importerNumber, ImporterRequest request, CbpCentersDbContext db, CenterScope scope,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!ImporterNumber.TryParse(importerNumber, out var number, out var error)) throw new WorkflowInputException("importerNumber", error!);
        var name = Filing.Required(request.Name, "name", Filing.NameLength);
        var center = request.CenterCode is { Length: > 0 } code
            ? CenterCatalog.Find(code)?.Code ?? throw new WorkflowInputException("centerCode", $"'{code}' is not a Center code (e.g. PHC, ELE).")
            : null;
        List<string> emails = [.. (request.FilerEmails ?? []).Select((email, i) => Filing.Email(email, $"filerEmails[{i}]"))];
        if (request.NationalAccountManager is { Length: > 0 } nam && !await db.Users.AnyAsync(u => u.UserName == nam, ct))
            throw new WorkflowInputException("nationalAccountManager", $"{nam} is not a staff account.");
        var importer = await db.Importers.FirstOrDefaultAsync(i => i.ImporterNumber == number.Value, ct);
        if (importer?.CenterCode is { } current) await scope.EnsureAsync(http.User, current, "importer account", ct);
        if (center is not null) await scope.EnsureAsync(http.User, center, "Center", ct);
        if (importer is null) db.Importers.Add(importer = new ImporterRecord { ImporterNumber = number.Value });
        importer.Name = name;
        importer.CTpat = request.CTpat;
        importer.Isa = request.Isa;
        importer.CenterCode = center;
        importer.FilerEmails = emails;
        importer.NationalAccountManager = string.IsNullOrWhiteSpace(request.NationalAccountManager) ? null : request.NationalAccountManager.Trim();
        importer.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(importer);
    }
}
