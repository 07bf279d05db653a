namespace CbpCenters.Persistence.Ui;

/// <summary>
/// An inbox filter a person named and kept, e.g. "PHC protests due this week". <see cref="Json"/> holds the
/// filter as the web app writes it (view, process, priority, due range, case number, importer, sort); the
/// database does not look inside it.
/// </summary>
public sealed class SavedFilter
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
}
