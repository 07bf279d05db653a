using CbpCenters.Engine.Activities;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// <c>workflows/README.md</c> is how a supervisor learns the format. It must describe every activity the engine
/// has, with each of its properties and outcomes, and name every choice the engine accepts, so a new activity or
/// option cannot ship undocumented.
/// </summary>
public sealed class WorkflowGuideTests : IAsyncLifetime
{
    // Every activity the service registers, SendEmail included.
    private readonly EngineHarness _engine = new(services => services.AddNotices(WorkflowFiles.TemplatesFolder));
    private static readonly string Guide = File.ReadAllText(Path.Combine(WorkflowFiles.Folder, "README.md")).ReplaceLineEndings("\n");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    [Fact]
    public void Every_activity_is_described_with_its_properties_and_outcomes()
    {
        var missing = new List<string>();
        var activities = _engine.Services.GetRequiredService<ActivityRegistry>().All;
        Assert.Contains(activities, a => a is SendEmailActivity);
        foreach (var descriptor in activities.Select(a => a.Descriptor))
        {
            var section = Section(descriptor.Type);
            if (section is null)
            {
                missing.Add($"no '### {descriptor.Type}' section");
                continue;
            }
            missing.AddRange(descriptor.Properties.Select(p => p.Name).Concat(descriptor.Outcomes)
                .Where(name => !section.Contains($"`{name}`", StringComparison.Ordinal))
                .Select(name => $"{descriptor.Type}: `{name}` is not described"));
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_choice_the_engine_accepts_is_named_where_it_is_written()
    {
        (string Bullet, string[] Choices)[] groups =
        [
            ("- **`inputs`**", InputTypes.All),
            ("- `strategy`", AssignmentStrategies.All),
            ("- `outcomes` (required)", FormFieldTypes.All),
            ("- `escalation`", [.. EscalationActions.All, .. EscalationTargets.All, .. EscalationModes.All]),
        ];
        var missing = groups.SelectMany(g => g.Choices.Where(choice => Bullet(g.Bullet)?.Contains($"`{choice}`", StringComparison.Ordinal) != true)
            .Select(choice => $"{g.Bullet}: `{choice}`"));
        Assert.Equal([], [.. missing]);
    }

    /// <summary>A top-level bullet of the guide, with its indented lines, from its opening words to the next bullet or paragraph.</summary>
    private static string? Bullet(string opening)
    {
        var start = Guide.IndexOf("\n" + opening, StringComparison.Ordinal);
        if (start < 0) return null;
        var ends = new[] { Guide.IndexOf("\n- ", start + 1, StringComparison.Ordinal), Guide.IndexOf("\n\n", start + 1, StringComparison.Ordinal) }
            .Where(i => i > 0).DefaultIfEmpty(Guide.Length);
        return Guide[start..ends.Min()];
    }

    /// <summary>The text from the activity's heading to the next heading.</summary>
    private static string? Section(string type)
    {
        var start = Guide.IndexOf($"\n### {type}\n", StringComparison.Ordinal);
        if (start < 0) return null;
        var end = Guide.IndexOf("\n#", start + type.Length + 6, StringComparison.Ordinal);
        return end < 0 ? Guide[start..] : Guide[start..end];
    }
}
