using Broadsheet.Newsroom.Media;

namespace Broadsheet.Tests.Newsroom.Media;

public sealed class UploadNameTests
{
    [Theory]
    [InlineData("photo.jpg", null)]
    [InlineData("IMG_2024.01.05.jpg", null)]
    [InlineData("town.hall.meeting.png", null)]
    [InlineData("../x.jpg", "folder path")]
    [InlineData("/etc/passwd.png", "folder path")]
    [InlineData("C:\\photos\\a.jpg", "folder path")]
    [InlineData("a.php.jpg", "(.php)")]
    [InlineData("a.jpg.php", "(.php)")]
    [InlineData("cat.svg.png", "(.svg)")]
    [InlineData("", "has no name")]
    public void Names_that_climb_folders_or_hide_a_runnable_extension_are_refused(string name, string? problem)
    {
        var found = UploadName.Problem(name);
        if (problem is null) found.ShouldBeNull();
        else found.ShouldNotBeNull().ShouldContain(problem);
    }
}

public sealed class ImageContainerTests
{
    [Theory]
    [InlineData("jpeg", 0)]
    [InlineData("png", 0)]
    [InlineData("webp", 0)]
    [InlineData("gif", 0)]
    [InlineData("jpeg", 9)]
    [InlineData("png", 1)]
    [InlineData("webp", 30)]
    [InlineData("gif", 4)]
    public void A_picture_ends_where_its_own_structure_says_so_anything_appended_shows(string kind, int appended)
    {
        var bytes = kind switch
        {
            "jpeg" => Samples.Encode(30, 20, SkiaSharp.SKEncodedImageFormat.Jpeg),
            "png" => Samples.Encode(30, 20, SkiaSharp.SKEncodedImageFormat.Png),
            "webp" => Samples.Encode(30, 20, SkiaSharp.SKEncodedImageFormat.Webp),
            _ => Samples.Gif(),
        };
        byte[] file = [.. bytes, .. new byte[appended]];
        var detected = ImageContainer.Sniff(file).ShouldNotBeNull();
        detected.ToString().ShouldBe(kind, StringCompareShould.IgnoreCase);
        ImageContainer.EndOf(file, detected).ShouldBe(bytes.Length);
    }

    [Theory]
    [InlineData("GIF89a<script>alert(1)</script>", true)]
    [InlineData("....<HTML><BODY>", true)]
    [InlineData("..<?php system($_GET['c']); ?>", true)]
    [InlineData("plain pixels and a <b> tag", false)]
    public void Markup_anywhere_in_the_bytes_is_noticed(string text, bool carries) =>
        ImageContainer.CarriesMarkup(System.Text.Encoding.ASCII.GetBytes(text)).ShouldBe(carries);
}
