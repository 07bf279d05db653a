using CbpCenters.Engine.Calendar;
using CbpCenters.Engine.Runtime;
using CbpCenters.Server.Auth;
using CbpCenters.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CbpCenters.Server.Endpoints;

/// <summary>Time-skipping for rehearsals and end-to-end tests; mapped only when <c>Clock:AllowTimeTravel</c> is true.</summary>
public static class ClockApi
{
    public static IEndpointRouteBuilder MapClockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/clock").WithTags("Administration").RequireAuthorization(AppRoles.Administer);
        api.MapGet("/", Now).WithName("GetClock").WithSummary("The service clock and how far it was moved forward.");
        api.MapPost("/advance", Advance).WithName("AdvanceClock")
            .WithSummary("Moves the service clock forward (e.g. {\"duration\": \"P10D\"}) and fires every timer that became due, in order.");
        return app;
    }

    public sealed record AdvanceRequest(string Duration);
    public sealed record ClockDto(DateTimeOffset Now, TimeSpan Offset, int TimersFired);

    private static Ok<ClockDto> Now(ServiceClock clock) => TypedResults.Ok(new ClockDto(clock.GetUtcNow(), clock.Offset, 0));

    private static async Task<Ok<ClockDto>> Advance(AdvanceRequest request, ServiceClock clock, DueTimers timers, CancellationToken ct)
    {
        if (!WorkDuration.TryParse(request.Duration, out var duration, out var error))
            throw new WorkflowInputException("duration", error!);
        if (duration.BusinessDays > 0)
            throw new WorkflowInputException("duration", "The clock moves in calendar time; use days (P10D) or hours (PT4H), not business days.");
        var now = clock.GetUtcNow();
        clock.Advance(duration.AddTo(now, TimeZoneInfo.Utc, new BusinessCalendar()) - now);
        var fired = await timers.FireAllDueAsync(ct);
        return TypedResults.Ok(new ClockDto(clock.GetUtcNow(), clock.Offset, fired));
    }
}
