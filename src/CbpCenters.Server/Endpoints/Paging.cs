using CbpCenters.Engine.Runtime;

namespace CbpCenters.Server.Endpoints;

internal static class Paging
{
    /// <summary>The rows before a page must fit the databases' OFFSET (a 32-bit count), or a far page would wrap round.</summary>
    private const long MaxSkipped = int.MaxValue;

    public static void Check(int page, int pageSize)
    {
        if (page < 1) throw new WorkflowInputException("page", "page must be 1 or more.");
        if (pageSize is < 1 or > 500) throw new WorkflowInputException("pageSize", "pageSize must be between 1 and 500.");
        if ((long)(page - 1) * pageSize > MaxSkipped)
            throw new WorkflowInputException("page", $"page {page} of {pageSize} rows starts past the last row any list can have; ask for an earlier page.");
    }

    /// <summary>A filter given as a number (<c>status=999</c>) must still be one of the values, or it would quietly match nothing.</summary>
    public static void Known<T>(T? value, string field) where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
            throw new WorkflowInputException(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
