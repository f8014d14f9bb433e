using Broadsheet.Shared;

namespace Broadsheet.Views;

public static class ViewCount
{
    public static string Label(long views) => Counts.Of(views, "View", "Views");
}
