using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Stores;
using CbpCenters.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CbpCenters.Server.Email;

/// <summary>Finding notices in the outbox, for the API and the Notices page alike: only the caller's Centers' notices.</summary>
public static class OutboxSearch
{
    /// <summary>How many of the newest messages a search by address looks through.</summary>
    public const int SearchWindow = 5000;

    /// <param name="centers">The caller's Centers; null for every Center (administrators, the integration).</param>
    public static IQueryable<OutboxMessage> Visible(CbpCentersDbContext db, IReadOnlyCollection<string>? centers)
    {
        var q = db.Outbox.AsNoTracking();
        if (centers is null) return q;
        var visible = centers.ToList();
        return q.Where(m => m.InstanceId != null && db.Instances.Any(i => i.Id == m.InstanceId && i.CenterCode != null && visible.Contains(i.CenterCode)));
    }

    public static async Task<Page<OutboxMessage>> FindAsync(CbpCentersDbContext db, IReadOnlyCollection<string>? centers,
        Guid? caseId, OutboxStatus? status, string? recipient, int page, int pageSize, CancellationToken ct)
    {
        var q = Visible(db, centers);
        if (caseId is not null) q = q.Where(m => m.CaseId == caseId);
        if (status is not null) q = q.Where(m => m.Status == status);
        if (!string.IsNullOrWhiteSpace(recipient))
        {
            // Recipients are a JSON list column that each database searches differently: the newest notices are
            // searched here, which is what a person looking for a recent notice needs.
            var text = recipient.Trim();
            var found = (await q.OrderByDescending(m => m.CreatedAt).Take(SearchWindow).ToListAsync(ct))
                .Where(m => m.To.Concat(m.Cc).Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
            return new Page<OutboxMessage>([.. found.Skip((page - 1) * pageSize).Take(pageSize)], found.Count, page, pageSize);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<OutboxMessage>(items, total, page, pageSize);
    }
}
