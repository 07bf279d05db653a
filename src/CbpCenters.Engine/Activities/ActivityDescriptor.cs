namespace CbpCenters.Engine.Activities;

/// <summary>What the designer and the validator know about an activity type.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string Category,
    string Description,
    IReadOnlyList<PropertyDescriptor> Properties,
    IReadOnlyList<string> Outcomes)
{
    /// <summary>Outcomes come from the activity's own properties (Switch cases, HumanTask outcomes).</summary>
    public bool HasDynamicOutcomes { get; init; }

    /// <summary>Each outcome is a decision; an unwired outcome port is a design error.</summary>
    public bool IsBranching { get; init; }

    /// <summary>The activity may block and wait for a person, a timer or a signal.</summary>
    public bool IsBlocking { get; init; }

    /// <summary>Terminal activities (End) have no outcome ports.</summary>
    public bool IsTerminal => Outcomes.Count == 0 && !HasDynamicOutcomes;
}

public enum PropertyKind
{
    /// <summary>A literal string.</summary>
    Text,
    /// <summary>A Liquid template rendered over the instance (e.g. a task title).</summary>
    Template,
    /// <summary>A JavaScript expression.</summary>
    Expression,
    /// <summary>An ISO-8601 duration; <c>P5BD</c> counts business days.</summary>
    Duration,
    Number,
    Boolean,
    StringList,
    /// <summary>A structured value edited as JSON (outcomes, form, escalation).</summary>
    Json,
    /// <summary>One of <see cref="PropertyDescriptor.Options"/>.</summary>
    Choice,
}

public sealed record PropertyDescriptor(
    string Name,
    PropertyKind Kind,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Options = null);
