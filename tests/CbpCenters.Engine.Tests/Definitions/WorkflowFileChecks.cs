using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CbpCenters.Domain.Cases;
using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace CbpCenters.Engine.Tests.Definitions;

/// <summary>
/// Everything a workflow file must pass, each problem as "file: activity: [rule] message": the engine's own
/// validation with every activity registered and the notice field check against a case of the definition's kind,
/// plus what the engine does not check: declared variables, existing outputs and a readable designer layout.
/// </summary>
internal sealed partial class WorkflowFileChecks : IAsyncDisposable
{
    /// <summary>An activity box as the task page's diagram draws it; two boxes closer than this overlap.</summary>
    private const double BoxWidth = 150, BoxHeight = 52;

    private readonly EngineHarness _engine = new(services =>
    {
        services.AddSingleton<INoticeModelSchema>(new NoticeModelSchema(CenterCases.SamplesByKind()));
        services.AddNotices(WorkflowFiles.TemplatesFolder);
    });

    public DefinitionValidator Validator => _engine.Services.GetRequiredService<DefinitionValidator>();

    public List<string> Problems(string fileName, string json)
    {
        var problems = new List<string>();
        void Add(string? activity, string rule, string message) => problems.Add($"{fileName}: {activity ?? "(definition)"}: [{rule}] {message}");

        WorkflowDefinition definition;
        try
        {
            definition = DefinitionJson.Parse(json);
        }
        catch (DefinitionFormatException ex)
        {
            Add(null, "format", ex.Message);
            return problems;
        }
        if (definition.DefinitionId + ".json" != fileName)
            Add(null, "file-name", $"definitionId '{definition.DefinitionId}' does not match the file name.");
        var sendsNotices = definition.Root.Activities.Any(a => a.Type is "SendEmail" or "HumanTask");
        if (sendsNotices && !CaseKinds.All.Contains(definition.CaseKind ?? ""))
            Add(null, "case-kind", $"caseKind '{definition.CaseKind}' is not one of {string.Join(", ", CaseKinds.All)}, so its notices' case fields would go unchecked.");
        foreach (var error in Validator.Validate(definition))
            Add(error.ActivityId, error.Rule, error.Message);
        CheckReferences(definition, Add);
        CheckLayout(definition, Add);
        return problems;
    }

    /// <summary>Every variable read or set is declared, and every <c>outputs.y</c> names an activity of the definition.</summary>
    private static void CheckReferences(WorkflowDefinition definition, Action<string?, string, string> add)
    {
        var declared = definition.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var activities = definition.Root.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            var text = node.Properties.ToJsonString();
            if (node.Type is "SetVariable" or "WaitForSignal" && node.StringProperty("variable") is { } target && !declared.Contains(target))
                add(node.Id, "undeclared-variable", $"sets variable '{target}', which the definition does not declare.");
            foreach (var name in VariableReference().Matches(text).Select(m => m.Groups[1].Value).Distinct())
                if (!declared.Contains(name))
                    add(node.Id, "undeclared-variable", $"reads variables.{name}, which the definition does not declare.");
            foreach (var id in OutputReference().Matches(text).Select(m => m.Groups[1].Value).Distinct())
                if (!activities.Contains(id))
                    add(node.Id, "unknown-output", $"reads outputs.{id}, but there is no activity '{id}'.");
        }
    }

    /// <summary>Every activity has a designer position, none overlaps another, and the flow starts at the left.</summary>
    private static void CheckLayout(WorkflowDefinition definition, Action<string?, string, string> add)
    {
        var placed = new List<ActivityNode>();
        foreach (var node in definition.Root.Activities)
        {
            if (node.Designer is not { } at)
            {
                add(node.Id, "layout", "has no designer position.");
                continue;
            }
            foreach (var other in placed.Where(o => Math.Abs(o.Designer!.X - at.X) < BoxWidth && Math.Abs(o.Designer.Y - at.Y) < BoxHeight))
                add(node.Id, "layout", $"overlaps '{other.Id}' in the designer ({at.X}, {at.Y} and {other.Designer!.X}, {other.Designer.Y}).");
            placed.Add(node);
        }
        if (definition.Root.Activities.FirstOrDefault(a => a.Type == "Start")?.Designer is { } start
            && placed.FirstOrDefault(n => n.Designer!.X < start.X) is { } left)
            add(left.Id, "layout", "lies left of Start; the flow reads left to right.");
    }

    [GeneratedRegex(@"(?<![\w$.])variables\.([A-Za-z_]\w*)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"(?<![\w$.])outputs\.([A-Za-z_]\w*)")]
    private static partial Regex OutputReference();

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
