using CbpCenters.Server.Auth;
using CbpCenters.Server.Cases;
using CbpCenters.Server.Email;
using CbpCenters.Server.Endpoints;
using CbpCenters.Server.Hosting;
using CbpCenters.Server.Jobs;
using CbpCenters.Server.Ui;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddCbpCentersServices();
builder.Services.AddCbpCentersUi();

var app = builder.Build();
await app.PrepareAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseJsonOnlyApi();
app.UseNulRefusal();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference();
app.MapAuthApi();
app.MapDefinitionsApi();
app.MapInstancesApi();
app.MapTasksApi();
app.MapOrganisationApi();
app.MapIntakeApi();
app.MapCasesApi();
app.MapImportersApi();
if (app.Services.GetService<ServiceClock>() is not null) app.MapClockApi();
app.UseCbpCentersJobs();
app.UseCbpCentersMail();
app.MapStaticAssets();
app.MapCbpCentersUi();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
