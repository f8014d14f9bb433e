#!/usr/bin/env python3
"""Splits generated compiled-model files over the project's 400-line limit.

`dotnet ef dbcontext optimize` writes one partial class per entity type. For the largest (the
article) that file passes 400 lines. This moves its relationship builders (foreign keys, skip
navigations) and annotations into `<Type>.Relationships.cs`, a second part of the same partial
class, so nothing about the model changes. Run it after every regeneration (Data/README.md);
a companion left over from an earlier run is rewritten, never duplicated.
"""
import pathlib, re, sys

LIMIT = 400
here = pathlib.Path(__file__).parent
for main in sorted(here.glob("*/*EntityType.cs")):
    text = main.read_text()
    companion = main.with_name(main.stem + ".Relationships.cs")
    if text.count("\n") <= LIMIT:
        # Regenerated whole and small enough now: a companion from an earlier split would define its builders twice.
        if companion.exists() and "public static RuntimeForeignKey Create" in text:
            companion.unlink()
        continue
    start = re.search(r"^        public static Runtime(ForeignKey|SkipNavigation) Create", text, re.M)
    if start is None:
        sys.exit(f"{main}: over {LIMIT} lines and no relationship builders to move")
    end = text.index("        static partial void Customize(")
    # The usings and namespace again; the class's attributes stay on the first part only.
    head = re.sub(r"^    \[\w+\]\n", "", text[:text.index("    public partial class")], flags=re.M)
    cls = re.search(r"^    public partial class \w+\n    \{\n", text, re.M).group(0)
    moved = text[start.start():end].rstrip() + "\n"
    main.write_text(text[:start.start()].rstrip() + "\n\n" + text[end:])
    companion.write_text(head + cls + moved + "    }\n}\n")
    print(f"split {main.name}: {main.read_text().count(chr(10))} + {companion.read_text().count(chr(10))} lines")
