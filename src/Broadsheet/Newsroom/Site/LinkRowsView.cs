namespace Broadsheet.Newsroom.Site;

/// <summary>A link list on the settings form: its field name under Form, its legend, what its first column is called, and its rows.</summary>
public sealed record LinkRowsView(string Key, string Legend, string LabelName, List<LinkRow> Rows)
{
    public string Field => Key == "social" ? "Form.Social" : "Form.Menu";
}
