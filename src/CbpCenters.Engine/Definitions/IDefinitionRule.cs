namespace CbpCenters.Engine.Definitions;

/// <summary>A check beyond the flowchart's shape (e.g. that notice templates only read fields that exist), run before publishing.</summary>
public interface IDefinitionRule
{
    IEnumerable<DefinitionError> Check(WorkflowDefinition definition);
}
