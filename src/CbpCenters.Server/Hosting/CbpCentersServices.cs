using System.Text.Json.Serialization;
using CbpCenters.Engine;
using CbpCenters.Engine.Notices;
using CbpCenters.Engine.Runtime;
using CbpCenters.Engine.Tasks;
using CbpCenters.Server.Email;
using CbpCenters.Persistence;
using CbpCenters.Persistence.Identity;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Cases;
using CbpCenters.Server.Jobs;
using CbpCenters.Server.Seed;
using CbpCenters.Server.Staff;
using Microsoft.AspNetCore.Identity;

namespace CbpCenters.Server.Hosting;

public static class CbpCentersServices
{
    /// <summary>Everything the service needs, read from configuration.</summary>
    public static WebApplicationBuilder AddCbpCentersServices(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        var database = config.GetSection("Database").Get<DatabaseOptions>() ?? new();
        if (database is { Provider: DatabaseProvider.Sqlite, ConnectionString: null })
            database.ConnectionString = $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", "cbpcenters.db")}";
        var jobs = config.GetSection("Jobs").Get<JobOptions>() ?? new();
        var workflows = config.GetSection("Workflows").Get<WorkflowFilesOptions>() ?? new();
        services.AddSingleton(workflows);
        services.AddSingleton(config.GetSection("Seed").Get<SeedOptions>() ?? new());

        if (config.GetValue<bool>("Clock:AllowTimeTravel"))
        {
            var clock = new ServiceClock(TimeProvider.System);
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        var workflowsFolder = workflows.ResolveFolder(builder.Environment.ContentRootPath);
        services.AddWorkflowEngine();
        services.AddSingleton<ICenterCalendar, CenterCalendar>();
        services.AddSingleton<IRecipientResolver, RecipientResolver>();
        services.AddSingleton<ICaseContextSource, CaseContextSource>();
        services.AddSingleton<INoticeModelSchema>(new NoticeModelSchema(CaseSamples.ByKind()));
        services.AddSingleton(config.GetSection("Cases").Get<CaseOptions>() ?? new());
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<FilerAnswers>();
        services.AddScoped<OutOfOffice>();
        services.AddScoped<CenterLeadership>();
        services.AddScoped<StrandedWork>();
        services.AddHumanTasks();
        services.AddNotices(Path.Combine(workflowsFolder, "templates"));
        services.AddCbpCentersPersistence(database);
        services.AddCbpCentersJobs(database, jobs);
        services.AddCbpCentersMail(config.GetSection("Smtp").Get<SmtpOptions>() ?? new());
        services.AddScoped<CurrentStaff>();
        services.AddScoped<CenterScope>();
        services.AddScoped<StartupTasks>();
        services.AddScoped<DemoStaff>();
        services.AddScoped<SampleCases>();

        services.AddIdentityApiEndpoints<StaffUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                // "Confirmed" here means active: see ActiveStaffOnly.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddUserConfirmation<ActiveStaffOnly>()
            .AddCbpCentersIdentityStores();
        // Sign-ins live in real time: moving the rehearsal clock forward a month must not sign everyone out.
        services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
        services.PostConfigureAll<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(o => o.TimeProvider = TimeProvider.System);
        services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/forbidden";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AppRoles.DesignWorkflows, p => p.RequireRole(AppRoles.Supervisor, AppRoles.Admin))
            .AddPolicy(AppRoles.OperateWorkflows, p => p.RequireRole(AppRoles.Supervisor, AppRoles.CenterDirector, AppRoles.Dfo, AppRoles.Admin))
            .AddPolicy(AppRoles.StartWorkflows, p => p.RequireRole(AppRoles.Staff, AppRoles.Supervisor, AppRoles.CenterDirector, AppRoles.Admin, AppRoles.Integration))
            .AddPolicy(AppRoles.Administer, p => p.RequireRole(AppRoles.Admin))
            .AddPolicy(AppRoles.Intake, p => p.RequireRole(AppRoles.Integration, AppRoles.Staff, AppRoles.Supervisor, AppRoles.CenterDirector, AppRoles.Admin))
            .AddPolicy(AppRoles.ManageAccounts, p => p.RequireRole(AppRoles.Integration, AppRoles.Supervisor, AppRoles.CenterDirector, AppRoles.Admin))
            .AddPolicy(AppRoles.StaffOnly, p => p.RequireRole(AppRoles.Staff, AppRoles.Supervisor, AppRoles.CenterDirector, AppRoles.Dfo, AppRoles.Admin));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new LawDateConverter());
            // {"userName": "a", "userName": "b"} is refused: which one the caller meant is a guess.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType) ProblemDetailsExceptionHandler.JsonOnly(c.ProblemDetails);
        });
        // Unreadable bodies and parameters reach the exception handler, which names the field, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>API callers get a status code; people in a browser are sent to the sign-in or forbidden page.</summary>
    private static Task ApiAware(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = status;
        else http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
