namespace Broadsheet.Data.Identity;

/// <summary>
/// Everyone is a reader; the newsroom roles add to it. Checked on the server for every
/// newsroom action, never only by hiding a button.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Author = "author";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static readonly string[] All = [Reader, Author, Editor, Admin];

    /// <summary>Roles that may open /newsroom.</summary>
    public const string Newsroom = Author + "," + Editor + "," + Admin;

    public static bool TryParse(string? raw, out string role)
    {
        role = All.FirstOrDefault(r => string.Equals(r, raw?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return role.Length > 0;
    }
}
