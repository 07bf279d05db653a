using System.Text.Json.Nodes;

namespace CbpCenters.Domain.Cases;

/// <summary>A deadline the case carries: statutory (law) or internal (Center target), with its source.</summary>
public sealed record CaseDeadline(string Name, DateOnly Date, bool Statutory, string Source);

/// <summary>
/// What a valid filing becomes: the case's kind, its reference (protest number, entry number...), its data
/// (the <c>case</c> workflows and notices read, in camelCase, dates of law as yyyy-MM-dd) and its deadlines.
/// </summary>
public sealed record CaseOpening(string Kind, string Reference, JsonObject Data, IReadOnlyList<CaseDeadline> Deadlines, IReadOnlyList<GoodsLineData> Lines);

public sealed record GoodsLineData(string HtsNumber, decimal Value);
