using CbpCenters.Engine.Runtime;

namespace CbpCenters.Server.Endpoints;

internal static class Paging
{
    public static void Check(int page, int pageSize)
    {
        if (page < 1) throw new WorkflowInputException("page", "page must be 1 or more.");
        if (pageSize is < 1 or > 500) throw new WorkflowInputException("pageSize", "pageSize must be between 1 and 500.");
    }
}
