using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CbpCenters.Persistence.Stores;

/// <summary>
/// Recognises a unique-key violation on each database. Two commits computed from the same instance state
/// write the same journal sequence numbers; whichever loses hits the unique index, and that is a conflict.
/// </summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2627 or 2601,
        _ => false,
    };
}
