using SkiaSharp;

namespace Broadsheet.Demo;

/// <summary>One drawn picture for the demo newsroom, with the words a reader hears and reads.</summary>
public sealed record DemoPicture(string Section, SKBitmap Bitmap, string Alt, string Caption);

/// <summary>
/// The demo newsroom's pictures, drawn at seed time so nothing is downloaded and every pixel is
/// ours: a few simple compositions per section (a skyline, a parliament, a chart, a network,
/// orbits, waves and fields, a stage, a stadium), each varied by a seeded random generator so
/// the same seed always draws the same pictures. No text is drawn: the server may have no fonts.
/// </summary>
public static class DemoPictures
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>Pictures per section: enough that neighbouring cards rarely repeat, few enough to draw in well under a second.</summary>
    public const int PerSection = 2;

    private delegate (string Alt, string Caption) Scene(SKCanvas canvas, Random rng, int variant);

    private static readonly Dictionary<string, Scene> Scenes = new()
    {
        ["world"] = Skyline,
        ["politics"] = Parliament,
        ["business"] = Chart,
        ["technology"] = Network,
        ["science"] = Orbits,
        ["climate"] = Waves,
        ["culture"] = Stage,
        ["sport"] = Stadium,
    };

    /// <summary>Draws <see cref="PerSection"/> pictures for one section (unknown sections get waves); the caller disposes the bitmaps.</summary>
    public static IEnumerable<DemoPicture> For(string section, int seed)
    {
        var scene = Scenes.GetValueOrDefault(section, Waves);
        for (var variant = 0; variant < PerSection; variant++)
        {
            var rng = new Random(HashCode.Combine(seed, section.Length, section[0], variant));
            var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using var canvas = new SKCanvas(bitmap);
            var (alt, caption) = scene(canvas, rng, variant);
            yield return new DemoPicture(section, bitmap, alt, caption + " Illustration drawn for the Broadsheet demo.");
        }
    }

    private static SKPath Polygon(params SKPoint[] points) => Polygon(points, close: true);

    private static SKPath Polygon(SKPoint[] points, bool close)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(points[0]);
        foreach (var p in points.AsSpan(1)) builder.LineTo(p);
        if (close) builder.Close();
        return builder.Detach();
    }

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static void Sky(SKCanvas canvas, SKColor top, SKColor bottom, float to = Height)
    {
        using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, to), [top, bottom], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, Width, Height, paint);
    }

    private static SKColor Mix(SKColor a, SKColor b, float t) => new(
        (byte)(a.Red + (b.Red - a.Red) * t), (byte)(a.Green + (b.Green - a.Green) * t), (byte)(a.Blue + (b.Blue - a.Blue) * t));

    private static (string, string) Skyline(SKCanvas canvas, Random rng, int variant)
    {
        var dusk = variant == 0;
        Sky(canvas, dusk ? new SKColor(0x1d, 0x2b, 0x53) : new SKColor(0x7f, 0xb8, 0xe0), dusk ? new SKColor(0xf4, 0x8c, 0x5f) : new SKColor(0xf3, 0xe9, 0xd2));
        using (var sun = Fill(dusk ? new SKColor(0xff, 0xd1, 0x7c) : new SKColor(0xff, 0xf6, 0xd5)))
            canvas.DrawCircle(300 + rng.Next(700), 380 + rng.Next(80), 70, sun);
        var far = dusk ? new SKColor(0x6b, 0x4a, 0x6e) : new SKColor(0x9f, 0xb4, 0xc7);
        var near = dusk ? new SKColor(0x1a, 0x1a, 0x2e) : new SKColor(0x3d, 0x4f, 0x63);
        for (var layer = 0; layer < 3; layer++)
        {
            using var paint = Fill(Mix(far, near, layer / 2f));
            using var lit = Fill(dusk ? new SKColor(0xff, 0xe0, 0x8a) : new SKColor(0xd8, 0xe6, 0xf0));
            for (float x = -20; x < Width;)
            {
                var w = 50 + rng.Next(90);
                var h = 160 + layer * 60 + rng.Next(240 - layer * 50);
                canvas.DrawRect(x, Height - h, w, h, paint);
                if (layer == 2)
                    for (var wy = Height - h + 16; wy < Height - 20; wy += 26)
                        for (var wx = x + 10; wx < x + w - 14; wx += 18)
                            if (rng.NextDouble() < (dusk ? 0.35 : 0.6)) canvas.DrawRect(wx, wy, 8, 12, lit);
                x += w + rng.Next(12);
            }
        }
        return (dusk ? "A city skyline in silhouette against an orange dusk sky, a few windows lit." : "A city skyline of grey towers under a pale morning sky.",
            dusk ? "Evening falls over the city." : "Morning over the city.");
    }

    private static (string, string) Parliament(SKCanvas canvas, Random rng, int variant)
    {
        Sky(canvas, variant == 0 ? new SKColor(0x9c, 0xc7, 0xe8) : new SKColor(0x5a, 0x6f, 0x9a), new SKColor(0xee, 0xe6, 0xd8));
        var stone = variant == 0 ? new SKColor(0xe8, 0xdf, 0xcc) : new SKColor(0xd4, 0xc6, 0xa8);
        var shade = Mix(stone, SKColors.Black, 0.25f);
        using var body = Fill(stone);
        using var dark = Fill(shade);
        float left = 240, right = 1040, top = 300, bottom = 600;
        canvas.DrawCircle((left + right) / 2, top - 40, 110, body);                              // the dome
        canvas.DrawRect((left + right) / 2 - 6, top - 190, 12, 50, dark);
        using (var roof = Polygon(new(left - 30, top), new((left + right) / 2, top - 110), new(right + 30, top)))
            canvas.DrawPath(roof, body);
        canvas.DrawRect(left - 30, top, right - left + 60, 24, dark);
        var columns = 8 + rng.Next(3);
        for (var i = 0; i < columns; i++)
        {
            var x = left + i * (right - left - 36) / (columns - 1);
            canvas.DrawRect(x, top + 24, 36, bottom - top - 24, body);
            canvas.DrawRect(x + 30, top + 24, 6, bottom - top - 24, dark);
        }
        for (var step = 0; step < 4; step++)
            canvas.DrawRect(left - 60 - step * 20, bottom + step * 22, right - left + 120 + step * 40, 22, step % 2 == 0 ? dark : body);
        using var lawn = Fill(new SKColor(0x6f, 0x8f, 0x52));
        canvas.DrawRect(0, bottom + 88, Width, Height, lawn);
        using var flag = Fill(variant == 0 ? new SKColor(0xb3, 0x26, 0x2e) : new SKColor(0x1f, 0x4e, 0x8c));
        canvas.DrawRect(1120, 180, 6, 420, dark);
        canvas.DrawRect(1126, 180, 90, 56, flag);
        return ("A columned parliament building with a dome and wide steps, a flag flying beside it.", "The chamber where the votes are counted.");
    }

    private static (string, string) Chart(SKCanvas canvas, Random rng, int variant)
    {
        canvas.Clear(new SKColor(0xf7, 0xf4, 0xec));
        using var grid = new SKPaint { Color = new SKColor(0xd9, 0xd3, 0xc4), StrokeWidth = 2, IsAntialias = true };
        for (var y = 120; y < Height; y += 100) canvas.DrawLine(80, y, Width - 80, y, grid);
        var ink = variant == 0 ? new SKColor(0x1f, 0x6f, 0x5c) : new SKColor(0xb0, 0x4a, 0x2f);
        var points = new List<SKPoint>();
        float value = 420;
        for (var i = 0; i <= 24; i++)
        {
            value = Math.Clamp(value - (float)(rng.NextDouble() * 60 - (variant == 0 ? 38 : 22)), 140, 560);
            points.Add(new SKPoint(80 + i * (Width - 160) / 24f, value));
        }
        using (var area = Polygon([new(80, 620), .. points, new(Width - 80, 620)]))
        {
            using var fill = new SKPaint { IsAntialias = true, Shader = SKShader.CreateLinearGradient(new SKPoint(0, 140), new SKPoint(0, 620), [ink.WithAlpha(120), ink.WithAlpha(10)], SKShaderTileMode.Clamp) };
            canvas.DrawPath(area, fill);
        }
        using var line = new SKPaint { Color = ink, StrokeWidth = 6, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round };
        using (var path = Polygon([.. points], close: false)) canvas.DrawPath(path, line);
        using var bars = Fill(Mix(ink, SKColors.White, 0.55f));
        for (var i = 0; i < 24; i++) canvas.DrawRect(92 + i * (Width - 160) / 24f, 700 - rng.Next(60), 28, 60, bars);
        using var dot = Fill(ink);
        canvas.DrawCircle(points[^1], 12, dot);
        return (variant == 0 ? "A line chart climbing steadily from left to right over a shaded area, with trading volumes as bars below." : "A line chart that rises and falls unevenly, with trading volumes as bars below.",
            variant == 0 ? "A good quarter on paper." : "A bumpy year for the markets.");
    }

    private static (string, string) Network(SKCanvas canvas, Random rng, int variant)
    {
        Sky(canvas, new SKColor(0x0b, 0x13, 0x2b), variant == 0 ? new SKColor(0x1c, 0x3d, 0x5a) : new SKColor(0x3a, 0x1c, 0x5a));
        var glow = variant == 0 ? new SKColor(0x5e, 0xe6, 0xd0) : new SKColor(0xf2, 0x9e, 0xe8);
        var nodes = Enumerable.Range(0, 46).Select(_ => new SKPoint(rng.Next(40, Width - 40), rng.Next(40, Height - 40))).ToArray();
        using var link = new SKPaint { Color = glow.WithAlpha(70), StrokeWidth = 2, IsAntialias = true };
        foreach (var a in nodes)
            foreach (var b in nodes)
                if (a.X < b.X && SKPoint.Distance(a, b) < 190) canvas.DrawLine(a, b, link);
        using var halo = Fill(glow.WithAlpha(50));
        using var core = Fill(glow);
        foreach (var n in nodes)
        {
            var r = 4 + rng.Next(8);
            canvas.DrawCircle(n, r * 2.6f, halo);
            canvas.DrawCircle(n, r, core);
        }
        return ("Glowing points joined by thin lines across a dark background, like a map of a network.", "Connections, drawn.");
    }

    private static (string, string) Orbits(SKCanvas canvas, Random rng, int variant)
    {
        canvas.Clear(new SKColor(0x0a, 0x0e, 0x24));
        using var star = Fill(new SKColor(0xff, 0xff, 0xff, 0xb0));
        for (var i = 0; i < 220; i++) canvas.DrawCircle(rng.Next(Width), rng.Next(Height), (float)rng.NextDouble() * 1.8f + 0.3f, star);
        var centre = new SKPoint(variant == 0 ? 420 : 860, 360);
        using var ring = new SKPaint { Color = new SKColor(0x9f, 0xb8, 0xff, 0x60), StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var moon = Fill(new SKColor(0xe0, 0xe4, 0xee));
        for (var i = 1; i <= 4; i++)
        {
            var (rx, ry) = (150 + i * 95f, 50 + i * 34f);
            canvas.DrawOval(centre, new SKSize(rx, ry), ring);
            var angle = rng.NextDouble() * Math.PI * 2;
            canvas.DrawCircle(centre.X + rx * (float)Math.Cos(angle), centre.Y + ry * (float)Math.Sin(angle), 8 + i * 2, moon);
        }
        var (light, dark) = variant == 0 ? (new SKColor(0xf7, 0xb2, 0x67), new SKColor(0x7a, 0x2e, 0x1e)) : (new SKColor(0x8e, 0xd1, 0xfc), new SKColor(0x1b, 0x3a, 0x7a));
        using var planet = new SKPaint { IsAntialias = true, Shader = SKShader.CreateRadialGradient(new SKPoint(centre.X - 40, centre.Y - 40), 170, [light, dark], SKShaderTileMode.Clamp) };
        canvas.DrawCircle(centre, 120, planet);
        return ("A planet lit from one side, circled by moons on faint oval orbits, against a field of stars.", "A small system, far away.");
    }

    private static (string, string) Waves(SKCanvas canvas, Random rng, int variant)
    {
        var fields = variant == 1;
        Sky(canvas, fields ? new SKColor(0x8c, 0xc8, 0xe8) : new SKColor(0xfb, 0xc2, 0x8a), fields ? new SKColor(0xf4, 0xf1, 0xe0) : new SKColor(0xfd, 0xe8, 0xc8), 420);
        using (var sun = Fill(fields ? new SKColor(0xff, 0xf3, 0xc4) : new SKColor(0xff, 0x9a, 0x5a)))
            canvas.DrawCircle(200 + rng.Next(880), 230, 64, sun);
        var (near, far) = fields ? (new SKColor(0x3f, 0x6b, 0x2e), new SKColor(0xa9, 0xc4, 0x7f)) : (new SKColor(0x0f, 0x3b, 0x5f), new SKColor(0x6f, 0xa8, 0xc9));
        var bands = fields ? 5 : 7;
        for (var i = 0; i < bands; i++)
        {
            var t = i / (float)(bands - 1);
            var baseY = 330 + t * 340;
            var (amp, length, phase) = (fields ? 40 - t * 10 : 10 + t * 18, fields ? 900 - rng.Next(300) : 160 + rng.Next(120), rng.NextDouble() * 6);
            var crest = Enumerable.Range(0, Width / 8 + 1).Select(i => new SKPoint(i * 8, baseY + amp * (float)Math.Sin(i * 8 * Math.PI * 2 / length + phase)));
            using var path = Polygon([new(0, Height), .. crest, new(Width, Height)]);
            using var band = Fill(Mix(far, near, t));
            canvas.DrawPath(path, band);
        }
        return fields ? ("Rolling green fields in bands under a pale sky with a low sun.", "The countryside after the rain.")
                      : ("Layers of blue sea waves beneath a warm orange sky and a setting sun.", "The tide comes in.");
    }

    private static (string, string) Stage(SKCanvas canvas, Random rng, int variant)
    {
        canvas.Clear(new SKColor(0x1a, 0x10, 0x18));
        var curtain = variant == 0 ? new SKColor(0x8e, 0x1b, 0x2c) : new SKColor(0x2c, 0x3e, 0x8e);
        using var floor = Fill(new SKColor(0x4a, 0x33, 0x26));
        canvas.DrawRect(0, 560, Width, 160, floor);
        foreach (var x in new[] { 260 + rng.Next(120), 580 + rng.Next(120), 900 + rng.Next(80) })
        {
            using var cone = Polygon(new(x, 0), new(x - 170, 620), new(x + 170, 620));
            using var light = new SKPaint { IsAntialias = true, Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 620), [new SKColor(0xff, 0xf1, 0xc8, 0x10), new SKColor(0xff, 0xf1, 0xc8, 0x70)], SKShaderTileMode.Clamp) };
            canvas.DrawPath(cone, light);
            using var pool = Fill(new SKColor(0xff, 0xe9, 0xb0, 0x60));
            canvas.DrawOval(x, 620, 170, 30, pool);
        }
        for (var side = 0; side < 2; side++)
            for (var fold = 0; fold < 6; fold++)
            {
                using var drape = Fill(Mix(curtain, SKColors.Black, fold % 2 == 0 ? 0f : 0.3f));
                var x = side == 0 ? fold * 30 : Width - (fold + 1) * 30;
                canvas.DrawRect(x, 0, 30, 640 - fold * 8, drape);
            }
        using var valance = Fill(Mix(curtain, SKColors.Black, 0.15f));
        canvas.DrawRect(0, 0, Width, 70, valance);
        return ("An empty theatre stage under three warm spotlights, framed by heavy curtains.", "Before the curtain rises.");
    }

    private static (string, string) Stadium(SKCanvas canvas, Random rng, int variant)
    {
        Sky(canvas, variant == 0 ? new SKColor(0x10, 0x1a, 0x3a) : new SKColor(0x6f, 0xa9, 0xd8), variant == 0 ? new SKColor(0x3a, 0x4a, 0x7a) : new SKColor(0xcf, 0xe2, 0xee), 260);
        using var stand = Fill(new SKColor(0x3b, 0x3f, 0x4a));
        canvas.DrawRect(0, 200, Width, 170, stand);
        for (var i = 0; i < 900; i++)
        {
            using var fan = Fill(SKColor.FromHsl(rng.Next(360), 55, 45 + rng.Next(25)));
            canvas.DrawCircle(rng.Next(Width), 210 + rng.Next(150), 3, fan);
        }
        using (var pitch = Polygon(new(220, 370), new(1060, 370), new(Width + 200, Height), new(-200, Height)))
        {
            using var grass = Fill(new SKColor(0x3c, 0x8d, 0x3f));
            canvas.DrawPath(pitch, grass);
            canvas.Save();
            canvas.ClipPath(pitch, antialias: true);
            using var stripe = Fill(new SKColor(0x47, 0x9c, 0x48));
            for (var i = 0; i < 8; i += 2) canvas.DrawRect(0, 370 + i * 44 + i * i * 2, Width, 40 + i * 4, stripe);
            canvas.Restore();
        }
        using var chalk = new SKPaint { Color = SKColors.White.WithAlpha(220), StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(640, 370, 640, Height, chalk);
        canvas.DrawOval(640, 520, 150, 60, chalk);
        using var mast = Fill(new SKColor(0x22, 0x22, 0x28));
        using var lamp = Fill(new SKColor(0xff, 0xfb, 0xe6, variant == 0 ? (byte)255 : (byte)150));
        foreach (var x in new[] { 90, 1170 })
        {
            canvas.DrawRect(x - 4, 40, 8, 200, mast);
            canvas.DrawRect(x - 40, 30, 80, 26, lamp);
        }
        return (variant == 0 ? "A floodlit football stadium at night, the crowd a mosaic of colours above a striped green pitch." : "A football stadium on a bright afternoon, a crowd above a striped green pitch.",
            variant == 0 ? "Under the lights." : "Match day.");
    }
}
