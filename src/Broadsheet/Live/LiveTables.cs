using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Live;

/// <summary>The Live tables on the one context, as `db.LiveStories` and `db.LiveEntries` (see ArticleTables).</summary>
public static class LiveTables
{
    extension(BroadsheetDb db)
    {
        public DbSet<LiveStory> LiveStories => db.Set<LiveStory>();
        public DbSet<LiveEntry> LiveEntries => db.Set<LiveEntry>();
    }
}
