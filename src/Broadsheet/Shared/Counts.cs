using System.Globalization;

namespace Broadsheet.Shared;

/// <summary>
/// Numbers as readers see them: "1 View", "0 Views", "12,345 Views". Every count the site words
/// goes through here, so the rule is the same everywhere: exactly one is singular; zero, negative
/// and larger counts are plural ("0 Downvotes", "-1 points"), as on the reference page.
/// </summary>
public static class Counts
{
    public static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Word(long n, string singular, string plural) => n == 1 ? singular : plural;

    public static string Of(long n, string singular, string plural) => $"{Number(n)} {Word(n, singular, plural)}";
}
