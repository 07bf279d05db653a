using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace CbpCenters.Engine.Notices;

/// <summary>
/// What a parsed Liquid template reads: member paths such as <c>case.entryNumbers</c> (as segment lists), the
/// names the template binds itself (for, assign, capture, increment...), and the filters it calls.
/// </summary>
internal sealed class LiquidReferences : AstVisitor
{
    /// <summary>Names Liquid gives meaning without a model: loop objects and the literals that parse as members.</summary>
    private static readonly string[] BuiltIns = ["forloop", "tablerowloop", "empty", "blank", "nil", "null", "true", "false"];

    private LiquidReferences() => Locals.UnionWith(BuiltIns);

    /// <summary>Each read path: root first, then member names; indexes by number are left out, a computed index ends the path.</summary>
    public List<IReadOnlyList<string>> Paths { get; } = [];

    public HashSet<string> Locals { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Filters { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths read from the model: those whose root the template did not bind itself.</summary>
    public IEnumerable<IReadOnlyList<string>> ModelPaths => Paths.Where(p => !Locals.Contains(p[0]));

    public static LiquidReferences Of(IFluidTemplate template)
    {
        var references = new LiquidReferences();
        references.VisitTemplate(template);
        return references;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var path = new List<string>();
        foreach (var segment in memberExpression.Segments)
        {
            if (segment is IdentifierSegment identifier)
            {
                path.Add(identifier.Identifier);
                continue;
            }
            if (segment is IndexerSegment indexer)
            {
                if (indexer.Expression is LiteralExpression { Value: StringValue name } && path.Count > 0)
                {
                    path.Add(name.ToStringValue());
                    continue;
                }
                if (indexer.Expression is LiteralExpression { Value: NumberValue })
                    continue;
                Visit(indexer.Expression);
            }
            break;
        }
        if (path.Count > 0) Paths.Add(path);
        return memberExpression;
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        Filters.Add(filterExpression.Name);
        return base.VisitFilterExpression(filterExpression);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        Locals.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        Locals.Add(tableRowStatement.Identifier);
        return base.VisitTableRowStatement(tableRowStatement);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        Locals.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        Locals.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
    {
        Locals.Add(incrementStatement.Identifier);
        return base.VisitIncrementStatement(incrementStatement);
    }

    protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
    {
        Locals.Add(decrementStatement.Identifier);
        return base.VisitDecrementStatement(decrementStatement);
    }
}
