namespace Broadsheet.Shared;

/// <summary>The "?page=" parameter of every list. Anything but a small positive integer is a bad request.</summary>
public static class Paging
{
    public const int MaxPage = 10_000;

    public static bool TryParse(string? raw, out int page)
    {
        page = 1;
        if (raw is null) return true;
        return int.TryParse(raw, System.Globalization.NumberStyles.None, null, out page) && page is >= 1 and <= MaxPage;
    }
}
