namespace CbpCenters.Engine.Calendar;

/// <summary>
/// One U.S. federal holiday of 5 U.S.C. 6103 in a given year. <see cref="Date"/> is the legal date;
/// <see cref="Observed"/> is the day federal offices close for it, which may fall in the previous year
/// (New Year's Day on a Saturday is observed on Friday, December 31).
/// </summary>
public sealed record FederalHoliday(string Name, DateOnly Date, DateOnly Observed);
