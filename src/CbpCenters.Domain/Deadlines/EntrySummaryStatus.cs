namespace CbpCenters.Domain.Deadlines;

/// <summary>
/// What CBP's systems say about an entry summary when a Post Summary Correction is filed against it.
/// A PSC needs an accepted, paid entry summary that is not under CBP review.
/// </summary>
/// <param name="IsAccepted">CBP accepted the entry summary.</param>
/// <param name="IsPaid">The duties, taxes and fees were paid.</param>
/// <param name="IsUnderCbpReview">CBP is reviewing it (for example a Request for Information or Notice of Action is open).</param>
public sealed record EntrySummaryStatus(bool IsAccepted, bool IsPaid, bool IsUnderCbpReview);
