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
    public void Every_choice_the_engine_accepts_is_named()
    {
        string[] choices = [.. FormFieldTypes.All, .. EscalationActions.All, .. EscalationTargets.All, .. EscalationModes.All,
            .. AssignmentStrategies.All, .. InputTypes.All];
        Assert.Equal([], [.. choices.Where(choice => !Guide.Contains($"`{choice}`", StringComparison.Ordinal))]);
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
