using CbpCenters.IntegrationTests.Cases;
using CbpCenters.IntegrationTests.Infrastructure;

namespace CbpCenters.IntegrationTests.Engine;

// The same scenarios on SQL Server, where Docker can run it.
public sealed class EngineScenarios_SqlServer(SqlServerService service) : EngineScenarios(service), IClassFixture<SqlServerService>;

public sealed class IntakeScenarios_SqlServer(SqlServerService service) : IntakeScenarios(service), IClassFixture<SqlServerService>;

public sealed class BadInputScenarios_SqlServer(SqlServerService service) : BadInputScenarios(service), IClassFixture<SqlServerService>;

public sealed class OrganisationChangeScenarios_SqlServer(SqlServerService service) : Tasks.OrganisationChangeScenarios(service), IClassFixture<SqlServerService>;
