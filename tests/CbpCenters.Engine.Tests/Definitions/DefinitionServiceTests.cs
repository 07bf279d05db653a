using CbpCenters.Engine.Definitions;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Stores;
using Microsoft.Extensions.DependencyInjection;
using static CbpCenters.Engine.Tests.EngineHarness;

namespace CbpCenters.Engine.Tests.Definitions;

public sealed class DefinitionServiceTests : IAsyncLifetime
{
    private readonly EngineHarness _engine = new();
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private static WorkflowDefinition File(string message) => DefinitionJson.Parse(Flow("filed",
        $$"""{ "id": "start", "type": "Start" }, { "id": "log", "type": "Log", "message": "{{message}}" }""", Wire("start", "Done", "log")));

    private Task<T> WithService<T>(Func<DefinitionService, Task<T>> call) => _engine.Scoped(sp => call(sp.GetRequiredService<DefinitionService>()));

    [Fact]
    public async Task Importing_an_unchanged_file_again_does_not_undo_a_version_a_supervisor_published()
    {
        await WithService(s => s.ImportAsync(File("from the file"), "filed.json", default));
        await WithService(s => s.SaveDraftAsync(File("edited in the designer"), "phc.supervisor", null, default));
        await WithService(s => s.PublishAsync("filed", "phc.supervisor", default));

        var (result, _) = await WithService(s => s.ImportAsync(File("from the file"), "filed.json", default));

        Assert.Equal(ImportResult.Unchanged, result);
        var published = await _engine.Scoped(sp => sp.GetRequiredService<IWorkflowDefinitionStore>().FindPublishedAsync("filed", default));
        Assert.Equal(2, published!.Version);
    }

    [Fact]
    public async Task A_changed_file_is_published_as_a_new_version()
    {
        await WithService(s => s.ImportAsync(File("first"), "filed.json", default));
        var (result, stored) = await WithService(s => s.ImportAsync(File("second"), "filed.json", default));

        Assert.Equal(ImportResult.NewVersion, result);
        Assert.Equal((2, DefinitionStatus.Published), (stored.Version, stored.Status));
    }

    [Theory]
    [InlineData("BAD ID")]
    [InlineData("UPPER")]
    [InlineData("new-bad/id")]
    [InlineData("trailing-newline\n")]
    public async Task A_draft_under_an_id_no_route_can_carry_is_refused_and_nothing_is_saved(string id)
    {
        var draft = File("drafted");
        draft.DefinitionId = id;

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => WithService(s => s.SaveDraftAsync(draft, "phc.supervisor", null, default)));

        Assert.Equal("definitionId", refused.Field);
        Assert.Contains("lower-case letters, digits and dashes", refused.Message);
        Assert.Empty(await _engine.Scoped(sp => sp.GetRequiredService<IWorkflowDefinitionStore>().ListLatestAsync(default)));
    }
}
