namespace Broadsheet.Tests.Import;

/// <summary>
/// A small but realistic WXR 1.2 export of an invented local paper, written for these tests:
/// two authors, nested categories, unicode and accented tag slugs, threaded comments (held,
/// spam, a pingback), a post full of hostile markup, a draft, a page and two featured images
/// (one real, one whose URL climbs out of the uploads folder).
/// </summary>
public static class WordPressExport
{
    public const string Site = "https://harbourtimes.example";
    public const string Picture = "2024/05/ferry-at-dawn.jpg";

    public const string Xml = """
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Harbour Times</title>
	<link>https://harbourtimes.example</link>
	<description>News from the quay</description>
	<language>en-GB</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://harbourtimes.example</wp:base_site_url>
	<wp:base_blog_url>https://harbourtimes.example</wp:base_blog_url>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mara]]></wp:author_login><wp:author_email><![CDATA[mara.quinlan@harbourtimes.example]]></wp:author_email><wp:author_display_name><![CDATA[Mara Quinlan]]></wp:author_display_name><wp:author_first_name><![CDATA[Mara]]></wp:author_first_name><wp:author_last_name><![CDATA[Quinlan]]></wp:author_last_name></wp:author>
	<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[teo.v]]></wp:author_login><wp:author_email><![CDATA[teo.vasic@harbourtimes.example]]></wp:author_email><wp:author_display_name><![CDATA[Teodor Vasić]]></wp:author_display_name><wp:author_first_name><![CDATA[Teodor]]></wp:author_first_name><wp:author_last_name><![CDATA[Vasić]]></wp:author_last_name></wp:author>
	<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[local]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Local]]></wp:cat_name><wp:category_description><![CDATA[Town, quay &amp; islands]]></wp:category_description></wp:category>
	<wp:category><wp:term_id>6</wp:term_id><wp:category_nicename><![CDATA[harbour-council]]></wp:category_nicename><wp:category_parent><![CDATA[local]]></wp:category_parent><wp:cat_name><![CDATA[Harbour Council]]></wp:cat_name></wp:category>
	<wp:category><wp:term_id>7</wp:term_id><wp:category_nicename><![CDATA[culture]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Culture &amp; Events]]></wp:cat_name></wp:category>
	<wp:category><wp:term_id>8</wp:term_id><wp:category_nicename><![CDATA[transport]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Transport]]></wp:cat_name></wp:category>
	<wp:tag><wp:term_id>11</wp:term_id><wp:tag_slug><![CDATA[ferries]]></wp:tag_slug><wp:tag_name><![CDATA[Ferries]]></wp:tag_name></wp:tag>
	<wp:tag><wp:term_id>12</wp:term_id><wp:tag_slug><![CDATA[%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8]]></wp:tag_slug><wp:tag_name><![CDATA[Новости]]></wp:tag_name></wp:tag>
	<wp:tag><wp:term_id>13</wp:term_id><wp:tag_slug><![CDATA[caf%c3%a9-soci%c3%a9t%c3%a9]]></wp:tag_slug><wp:tag_name><![CDATA[Café Société]]></wp:tag_name></wp:tag>
	<item>
		<title><![CDATA[Ferry at dawn]]></title>
		<link>https://harbourtimes.example/2024/05/ferry-fares-frozen/ferry-at-dawn/</link>
		<wp:post_id>201</wp:post_id>
		<excerpt:encoded><![CDATA[The 06:40 sailing leaves the north pier.]]></excerpt:encoded>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:attachment_url><![CDATA[https://harbourtimes.example/wp-content/uploads/2024/05/ferry-at-dawn.jpg]]></wp:attachment_url>
		<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[A white ferry leaving a grey pier at sunrise]]></wp:meta_value></wp:postmeta>
	</item>
	<item>
		<title><![CDATA[Secret]]></title>
		<wp:post_id>202</wp:post_id>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:attachment_url><![CDATA[https://harbourtimes.example/wp-content/uploads/2024/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/hostname]]></wp:attachment_url>
	</item>
	<item>
		<title><![CDATA[Ferry fares frozen for another year]]></title>
		<link>https://harbourtimes.example/2024/05/ferry-fares-frozen/</link>
		<dc:creator><![CDATA[mara]]></dc:creator>
		<content:encoded><![CDATA[The harbour board agreed on Tuesday to keep <strong>ferry fares</strong> at last year's prices.

Season tickets stay at the old rate
until the end of March.

<h2>What the board said</h2>
Members said the crossing is a lifeline for island families.]]></content:encoded>
		<excerpt:encoded><![CDATA[Island families get a <em>second</em> year without rises.]]></excerpt:encoded>
		<wp:post_id>101</wp:post_id>
		<wp:post_date><![CDATA[2024-05-14 09:30:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-05-14 08:30:00]]></wp:post_date_gmt>
		<wp:post_modified_gmt><![CDATA[2024-05-14 10:00:00]]></wp:post_modified_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[ferry-fares-frozen]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="harbour-council"><![CDATA[Harbour Council]]></category>
		<category domain="category" nicename="transport"><![CDATA[Transport]]></category>
		<category domain="post_tag" nicename="ferries"><![CDATA[Ferries]]></category>
		<category domain="post_tag" nicename="%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8"><![CDATA[Новости]]></category>
		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[201]]></wp:meta_value></wp:postmeta>
		<wp:comment><wp:comment_id>301</wp:comment_id><wp:comment_author><![CDATA[Ola from the island]]></wp:comment_author><wp:comment_author_email><![CDATA[ola@example.net]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[2024-05-14 11:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Good news for <em>commuters</em>.

We feared a rise.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
		<wp:comment><wp:comment_id>303</wp:comment_id><wp:comment_author><![CDATA[Piet]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-05-14 13:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Thanks, that settles it. <a href="javascript:alert(1)">click</a>]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>302</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
		<wp:comment><wp:comment_id>302</wp:comment_id><wp:comment_author><![CDATA[Mara Quinlan]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-05-14 12:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[The freeze covers <strong>season tickets</strong> too.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>301</wp:comment_parent><wp:comment_user_id>2</wp:comment_user_id></wp:comment>
		<wp:comment><wp:comment_id>304</wp:comment_id><wp:comment_author><![CDATA[First-timer]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-05-14 14:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Waiting for approval, this one.]]></wp:comment_content><wp:comment_approved><![CDATA[0]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
		<wp:comment><wp:comment_id>305</wp:comment_id><wp:comment_author><![CDATA[Cheap pills]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-05-14 15:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Buy now spamword]]></wp:comment_content><wp:comment_approved><![CDATA[spam]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
		<wp:comment><wp:comment_id>306</wp:comment_id><wp:comment_author><![CDATA[Other blog]]></wp:comment_author><wp:comment_date_gmt><![CDATA[2024-05-14 16:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Linked from elsewhere]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[pingback]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
	</item>
	<item>
		<title><![CDATA[Night market returns to the quay]]></title>
		<link>https://harbourtimes.example/2024/06/night-market-returns/</link>
		<dc:creator><![CDATA[teo.v]]></dc:creator>
		<content:encoded><![CDATA[<p onclick="steal()">Forty stalls line the quay from Friday.</p>
<script>document.write('owned')</script>
<p>Tickets: <a href="javascript:alert('x')">buy here</a> or <a href="https://tickets.example/market">online</a>.</p>
<iframe src="https://video.example/embed/market-2024" title="The market in one minute"></iframe>
<img src="x.png" onerror="alert(2)" alt="stalls">
Bring cash; some stalls take cards.]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>102</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-06-01 18:00:00]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[closed]]></wp:comment_status>
		<wp:post_name><![CDATA[night-market-returns]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="culture"><![CDATA[Culture &amp; Events]]></category>
		<category domain="post_tag" nicename="caf%c3%a9-soci%c3%a9t%c3%a9"><![CDATA[Café Société]]></category>
	</item>
	<item>
		<title><![CDATA[Новости гавани]]></title>
		<link>https://harbourtimes.example/2024/06/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8-%d0%b3%d0%b0%d0%b2%d0%b0%d0%bd%d0%b8/</link>
		<dc:creator><![CDATA[teo.v]]></dc:creator>
		<content:encoded><![CDATA[Паром отправляется в семь.]]></content:encoded>
		<wp:post_id>103</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-06-02 08:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8-%d0%b3%d0%b0%d0%b2%d0%b0%d0%bd%d0%b8]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
	</item>
	<item>
		<title><![CDATA[Budget draft not ready]]></title>
		<link>https://harbourtimes.example/?p=104</link>
		<dc:creator><![CDATA[mara]]></dc:creator>
		<content:encoded><![CDATA[Figures to follow.]]></content:encoded>
		<wp:post_id>104</wp:post_id>
		<wp:post_date><![CDATA[2024-06-03 09:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[]]></wp:post_name>
		<wp:status><![CDATA[draft]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="local"><![CDATA[Local]]></category>
	</item>
	<item>
		<title><![CDATA[Lifeboat crew honoured]]></title>
		<link>https://harbourtimes.example/2024/06/lifeboat-crew-honoured/</link>
		<dc:creator><![CDATA[teo.v]]></dc:creator>
		<content:encoded><![CDATA[Six volunteers received medals.]]></content:encoded>
		<wp:post_id>105</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-06-04 12:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[lifeboat-crew-honoured]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="local"><![CDATA[Local]]></category>
		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[202]]></wp:meta_value></wp:postmeta>
	</item>
	<item>
		<title><![CDATA[Harbour wall repairs]]></title>
		<link>https://harbourtimes.example/2024/06/harbour-wall-repairs/</link>
		<dc:creator><![CDATA[mara]]></dc:creator>
		<content:encoded><![CDATA[The repair crew starts on Monday.]]></content:encoded>
		<wp:post_id>106</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-06-05 07:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[harbour-wall-repairs]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="local"><![CDATA[Local]]></category>
	</item>
	<item>
		<title><![CDATA[About us]]></title>
		<wp:post_id>150</wp:post_id>
		<wp:post_type><![CDATA[page]]></wp:post_type>
		<wp:status><![CDATA[publish]]></wp:status>
	</item>
</channel>
</rss>
""";
}
