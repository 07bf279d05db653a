using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CbpCenters.Engine.Definitions;

/// <summary>A flowchart workflow as written in <c>workflows/*.json</c> and edited by supervisors.</summary>
public sealed class WorkflowDefinition
{
    [JsonPropertyName("$schema")] public string? Schema { get; set; }
    public string DefinitionId { get; set; } = "";
    public string Name { get; set; } = "";
    public int Version { get; set; } = 1;
    public string? Description { get; set; }
    /// <summary>The kind of case the workflow works on (Protest, PostSummaryCorrection, ...), for template checks.</summary>
    public string? CaseKind { get; set; }
    public List<VariableDefinition> Variables { get; set; } = [];
    public List<InputDefinition> Inputs { get; set; } = [];
    public Flowchart Root { get; set; } = new();
}

public sealed class VariableDefinition
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public JsonNode? Default { get; set; }
}

public sealed class InputDefinition
{
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="InputTypes.All"/>; left out, any value fits.</summary>
    public string Type { get; set; } = InputTypes.Any;
    public bool Required { get; set; }
    public string? Description { get; set; }
}

public sealed class Flowchart
{
    public string Type { get; set; } = "Flowchart";
    public List<ActivityNode> Activities { get; set; } = [];
    public List<Connection> Connections { get; set; } = [];
}

public sealed record DesignerPosition(double X, double Y);

public sealed record Endpoint(string Activity, string Port);

public sealed record Connection(Endpoint Source, Endpoint Target)
{
    public override string ToString() => $"{Source.Activity}.{Source.Port} -> {Target.Activity}.{Target.Port}";
}
