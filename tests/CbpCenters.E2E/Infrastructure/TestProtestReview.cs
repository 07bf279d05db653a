using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.E2E.Infrastructure;

/// <summary>
/// A small protest review for the browser tests, independent of the definitions in workflows/: one human task for
/// the Center's core Import Specialists (claimed from the queue), outcomes Allow and Deny (Deny needs written
/// reasons), due in 20 business days and escalated to the Center Director at the due date.
/// </summary>
public static class TestProtestReview
{
    public const string DefinitionId = "e2e-protest-review";

    public const string Json = """
        {
          "definitionId": "e2e-protest-review",
          "name": "Protest review (browser tests)",
          "inputs": [ { "name": "protestNumber", "type": "string", "required": true }, { "name": "importer", "type": "string" } ],
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start", "designer": { "x": 40, "y": 100 } },
              { "id": "review", "type": "HumanTask", "title": "Review protest {{ input.protestNumber }}",
                "caseReference": "{{ input.protestNumber }}",
                "description": "Decide the protest: allow it, or deny it with the reasons the filer will read.",
                "candidates": { "roles": ["ImportSpecialist"], "pool": "core" }, "strategy": "claim", "priority": 60, "due": "P20BD",
                "outcomes": [
                  { "name": "Allow", "label": "Allow" },
                  { "name": "Deny", "label": "Deny", "form": [ { "field": "reasons", "label": "Reasons for denial", "type": "textarea", "required": true, "maxLength": 2000 } ] }
                ],
                "escalation": [ { "at": "due", "action": "escalate", "to": "CenterDirector" } ],
                "designer": { "x": 240, "y": 100 } },
              { "id": "allowed", "type": "Log", "message": "Protest {{ input.protestNumber }} allowed", "designer": { "x": 480, "y": 40 } },
              { "id": "denied", "type": "Log", "message": "Protest {{ input.protestNumber }} denied", "designer": { "x": 480, "y": 160 } },
              { "id": "end", "type": "End", "designer": { "x": 700, "y": 100 } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "review", "port": "In" } },
              { "source": { "activity": "review", "port": "Allow" }, "target": { "activity": "allowed", "port": "In" } },
              { "source": { "activity": "review", "port": "Deny" }, "target": { "activity": "denied", "port": "In" } },
              { "source": { "activity": "allowed", "port": "Done" }, "target": { "activity": "end", "port": "In" } },
              { "source": { "activity": "denied", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    private static int _serial = 100_000 + Random.Shared.Next(800_000);

    /// <summary>A fresh protest number at the New York port, so each test finds its own task.</summary>
    public static string NextProtestNumber() => $"1001-26-{Interlocked.Increment(ref _serial):000000}";

    /// <summary>Publishes the definition (once) and starts a review at PHC; returns the protest number.</summary>
    public static async Task<string> StartAsync(CentersServer server, string centerCode = "PHC")
    {
        await server.PublishAsync(Json);
        var protest = NextProtestNumber();
        await server.StartAsync(DefinitionId, new JsonObject { ["protestNumber"] = protest, ["importer"] = "Acme Pharma Imports LLC" }, centerCode);
        return protest;
    }
}

public static class CentersServerTasks
{
    /// <summary>The id of the review task of a protest, read straight from the inbox table.</summary>
    public static Task<Guid> TaskIdAsync(this CentersServer server, string protest) => server.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<CbpCenters.Persistence.CbpCentersDbContext>();
        return await db.Tasks.Where(t => t.CaseReference == protest).Select(t => t.Id).SingleAsync();
    });
}
