using Broadsheet.Comments;
using Broadsheet.Newsroom.Site;
using Broadsheet.Shared;

namespace Broadsheet.Tests.Newsroom.Site;

public sealed class OverridesTests
{
    [Fact]
    public void Stored_settings_win_over_configuration_and_unreadable_ones_leave_it_standing()
    {
        var site = new SiteOptions { Name = "Configured", Social = [new SocialLink { Name = "X", Url = "https://x.com/" }] };
        var comments = new CommentOptions { Moderation = ModerationPolicy.FirstComment, CloseAfterDays = 0 };
        var stored = new Dictionary<string, string>
        {
            [SettingKeys.Name] = "Stored",
            [SettingKeys.Social] = "{not json",
            [SettingKeys.Menu] = """[{"label":"Latest","url":"/latest"}]""",
            [SettingKeys.TimeZone] = "Nowhere/Atlantis",
            [SettingKeys.Moderation] = "All",
            [SettingKeys.CloseAfterDays] = "-4",
        };

        Overrides.ApplyTo(site, stored);
        Overrides.ApplyTo(comments, stored);

        site.Name.ShouldBe("Stored");
        site.Social.Single().Name.ShouldBe("X");
        site.Menu.Single().Url.ShouldBe("/latest");
        site.TimeZone.ShouldBe("UTC");
        comments.Moderation.ShouldBe(ModerationPolicy.All);
        comments.CloseAfterDays.ShouldBe(0);
    }

    [Fact]
    public void A_setting_equal_to_configuration_is_stored_as_no_row()
    {
        var site = new SiteOptions();
        var form = SettingsForm.Of(site, new Dictionary<string, string>());
        var configured = SettingsForm.Configured(site);
        form.Check().ShouldBeEmpty();
        foreach (var (key, value) in form.Values().Where(v => v.Value is not null)) configured[key].ShouldBe(value);
    }
}
