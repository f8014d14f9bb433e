using System.Globalization;

namespace Broadsheet.Shared;

/// <summary>Numbers as readers see them: "1 View", "12,345 Views".</summary>
public static class Counts
{
    public static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Of(long n, string singular, string plural) =>
        $"{Number(n)} {(n == 1 ? singular : plural)}";
}
