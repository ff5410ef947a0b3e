#!/usr/bin/env python3
"""Build the Chinese report fonts in public/fonts/ (run: npm run fonts).

Source: Debian's fonts-noto-cjk (Noto Serif CJK, the "Noto Serif CJK SC" face
of NotoSerifCJK-Regular.ttc / NotoSerifCJK-Bold.ttc). Tool: fontTools
(Debian's python3-fonttools).

Outputs (all deterministic, safe to re-run from the repository root):
  public/fonts/NotoSerifSC-Regular.ttf  main subset, Regular
  public/fonts/NotoSerifSC-Bold.ttf     main subset, Bold
  public/fonts/NotoSerifSC-Ext.ttf      rare CJK ideographs not in the main subset, Regular
  public/fonts/coverage.json            {"main": [[first, last], ...], "ext": [...]} code point ranges
  public/fonts/OFL.txt                  SIL Open Font License 1.1 with the font's copyright line
  public/fonts/README.md                what the files are (generated; edit this script instead)

Main subset = printable ASCII, a few Latin-1 symbols, general punctuation,
Roman numerals, circled digits, GB2312 shapes, CJK punctuation, fullwidth
forms, all of GB2312, every non-ASCII character of public/defaults/*.json and
of scripts/font-extra-chars.txt, limited to what the source face has.

The CFF outlines are converted to TrueType quadratic outlines (glyf) with
cu2qu (max error 1 unit of a 1000-unit em), because jsPDF only embeds glyf
fonts. Layout tables, vertical metrics and hinting are dropped; the fonts are
renamed ("Noto Serif SC Xunting") as modified versions under the OFL.
"""

import hashlib
import glob
import json
import os
import sys
import time

INSTALL_HINT = "apt-get install -y fonts-noto-cjk python3-fonttools"
SYSTEM_PYTHON = "/usr/bin/python3"

try:
    import fontTools  # noqa: F401
except ImportError:
    # A pyenv/venv python3 does not see Debian's dist-packages: retry once with
    # the system interpreter, which is where python3-fonttools installs.
    if (
        os.path.exists(SYSTEM_PYTHON)
        and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)
        and not os.environ.get("XUNTING_BUILD_FONTS_REEXEC")
    ):
        os.environ["XUNTING_BUILD_FONTS_REEXEC"] = "1"
        print(f"fontTools not importable by {sys.executable}; re-running with {SYSTEM_PYTHON}", flush=True)
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit(f"error: the Python module fontTools is missing. Install it with: {INSTALL_HINT}")

from fontTools import subset  # noqa: E402
from fontTools.pens.boundsPen import BoundsPen  # noqa: E402
from fontTools.pens.cu2quPen import Cu2QuPen  # noqa: E402
from fontTools.pens.ttGlyphPen import TTGlyphPen  # noqa: E402
from fontTools.ttLib import TTCollection, TTFont, newTable  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "public", "fonts")
DEFAULTS_GLOB = os.path.join(ROOT, "public", "defaults", "*.json")
EXTRA_CHARS_FILE = os.path.join(ROOT, "scripts", "font-extra-chars.txt")

SOURCE_FAMILY = "Noto Serif CJK SC"
SOURCE_DIRS = [
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/opentype/noto-cjk",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/noto-cjk",
]

FAMILY = "Noto Serif SC Xunting"
PS_FAMILY = "NotoSerifSCXunting"
EXT_FAMILY = "Noto Serif SC Xunting Ext"
EXT_PS_FAMILY = "NotoSerifSCXuntingExt"

MAX_ERR = 1.0  # cu2qu tolerance, font units (em = 1000)
BOUNDS_TOLERANCE = 2.0  # converted outline extrema may move this much (error + rounding)

# Rare-character fallback font: BMP ideograph blocks.
EXT_RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]

OFL_TEXT = """-----------------------------------------------------------
SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007
-----------------------------------------------------------

PREAMBLE

The goals of the Open Font License (OFL) are to stimulate worldwide
development of collaborative font projects, to support the font
creation efforts of academic and linguistic communities, and to provide
a free and open framework in which fonts may be shared and improved in
partnership with others.

The OFL allows the licensed fonts to be used, studied, modified and
redistributed freely as long as they are not sold by themselves. The
fonts, including any derivative works, can be bundled, embedded,
redistributed and/or sold with any software provided that any reserved
names are not used by derivative works. The fonts and derivatives,
however, cannot be released under any other type of license. The
requirement for fonts to remain under this license does not apply to
any document created using the fonts or their derivatives.

DEFINITIONS

"Font Software" refers to the set of files released by the Copyright
Holder(s) under this license and clearly marked as such. This may
include source files, build scripts and documentation.

"Reserved Font Name" refers to any names specified as such after the
copyright statement(s).

"Original Version" refers to the collection of Font Software components
as distributed by the Copyright Holder(s).

"Modified Version" refers to any derivative made by adding to,
deleting, or substituting -- in part or in whole -- any of the
components of the Original Version, by changing formats or by porting
the Font Software to a new environment.

"Author" refers to any designer, engineer, programmer, technical writer
or other person who contributed to the Font Software.

PERMISSION & CONDITIONS

Permission is hereby granted, free of charge, to any person obtaining a
copy of the Font Software, to use, study, copy, merge, embed, modify,
redistribute, and sell modified and unmodified copies of the Font
Software, subject to the following conditions:

1) Neither the Font Software nor any of its individual components, in
Original or Modified Versions, may be sold by itself.

2) Original or Modified Versions of the Font Software may be bundled,
redistributed and/or sold with any software, provided that each copy
contains the above copyright notice and this license. These can be
included either as stand-alone text files, human-readable headers or
in the appropriate machine-readable metadata fields within text or
binary files as long as those fields can be easily viewed by the user.

3) No Modified Version of the Font Software may use the Reserved Font
Name(s) unless explicit written permission is granted by the
corresponding Copyright Holder. This restriction only applies to the
primary font name as presented to the users.

4) The name(s) of the Copyright Holder(s) or the Author(s) of the Font
Software shall not be used to promote, endorse or advertise any
Modified Version, except to acknowledge the contribution(s) of the
Copyright Holder(s) and the Author(s) or with their explicit written
permission.

5) The Font Software, modified or unmodified, in part or in whole, must
be distributed entirely under this license, and must not be distributed
under any other license. The requirement for fonts to remain under this
license does not apply to any document created using the Font Software.

TERMINATION

This license becomes null and void if any of the above conditions are
not met.

DISCLAIMER

THE FONT SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO ANY WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT
OF COPYRIGHT, PATENT, TRADEMARK, OR OTHER RIGHT. IN NO EVENT SHALL THE
COPYRIGHT HOLDER BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
INCLUDING ANY GENERAL, SPECIAL, INDIRECT, INCIDENTAL, OR CONSEQUENTIAL
DAMAGES, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF THE USE OR INABILITY TO USE THE FONT SOFTWARE OR FROM
OTHER DEALINGS IN THE FONT SOFTWARE.
"""


def fail(msg):
    sys.exit(f"error: {msg}")


def rng(a, b):
    return set(range(a, b + 1))


def to_ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def fmt_size(n):
    return f"{n:,} bytes ({n / 1048576:.2f} MiB)"


# ---------------------------------------------------------------- sources

def find_source(weight):
    fname = f"NotoSerifCJK-{weight}.ttc"
    for d in SOURCE_DIRS:
        p = os.path.join(d, fname)
        if os.path.isfile(p):
            return p
    hits = sorted(glob.glob(f"/usr/share/fonts/**/{fname}", recursive=True))
    if hits:
        return hits[0]
    fail(f"source font {fname} not found under /usr/share/fonts. Install it with: {INSTALL_HINT}")


def english_name(font, name_id):
    rec = font["name"].getName(name_id, 3, 1, 0x409)
    return rec.toUnicode() if rec else None


def find_sc_face(path):
    coll = TTCollection(path, lazy=True)
    try:
        for i, face in enumerate(coll.fonts):
            fams = {english_name(face, 1), english_name(face, 16)}
            if SOURCE_FAMILY in fams:
                return i
    finally:
        coll.close()
    fail(f"{path} has no face named {SOURCE_FAMILY!r}. Reinstall with: {INSTALL_HINT}")


def open_face(path, index):
    return TTFont(path, fontNumber=index, recalcTimestamp=False)


# ---------------------------------------------------------------- character sets

def gb2312_chars():
    out = set()
    for r in range(0xA1, 0xF8):
        for c in range(0xA1, 0xFF):
            try:
                ch = bytes([r, c]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                out.add(ord(ch))
    return out


def chars_from_text(text):
    return {ord(ch) for ch in text if ord(ch) >= 0x80}


def defaults_chars():
    files = sorted(glob.glob(DEFAULTS_GLOB))
    out = set()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            out |= chars_from_text(fh.read())
    return files, out


def extra_chars():
    if not os.path.isfile(EXTRA_CHARS_FILE):
        fail(f"{os.path.relpath(EXTRA_CHARS_FILE, ROOT)} is missing")
    out = set()
    with open(EXTRA_CHARS_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.lstrip().startswith("#"):
                continue
            out |= chars_from_text(line)
    return out


def wanted_main_chars():
    """Return an ordered list of (label, set of code points)."""
    gb = gb2312_chars()
    default_files, dflt = defaults_chars()
    parts = [
        ("printable ASCII U+0020-007E", rng(0x20, 0x7E)),
        ("Latin-1 symbols (NBSP § ° ± · × ÷)", {0xA0, 0xA7, 0xB0, 0xB1, 0xB7, 0xD7, 0xF7}),
        ("General Punctuation U+2010-2027, U+2030-203B", rng(0x2010, 0x2027) | rng(0x2030, 0x203B)),
        ("Roman numerals U+2160-216B", rng(0x2160, 0x216B)),
        ("circled digits U+2460-2473", rng(0x2460, 0x2473)),
        ("GB2312 shapes in U+25A0-25CF", rng(0x25A0, 0x25CF) & gb),
        ("CJK punctuation U+3000-303F", rng(0x3000, 0x303F)),
        ("fullwidth forms U+FF01-FF5E, U+FFE0-FFE5", rng(0xFF01, 0xFF5E) | rng(0xFFE0, 0xFFE5)),
        ("GB2312 (all rows)", gb),
        (f"public/defaults/*.json ({len(default_files)} files)", dflt),
        ("scripts/font-extra-chars.txt", extra_chars()),
    ]
    return gb, parts


# ---------------------------------------------------------------- building

def subset_face(path, index, unicodes):
    font = open_face(path, index)
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.name_languages = [0x0409]
    opts.notdef_outline = True
    opts.notdef_glyph = True
    opts.glyph_names = False
    opts.hinting = False
    opts.desubroutinize = True
    opts.legacy_kern = False
    opts.recalc_timestamp = False
    opts.prune_unicode_ranges = True
    opts.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GDEF", "GSUB", "GPOS", "DSIG", "JSTF", "MATH", "meta"]
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=sorted(unicodes))
    sub.subset(font)
    return font


def cff_to_glyf(font):
    """Replace the CFF outlines of font by quadratic glyf outlines.

    Returns (number of glyphs, largest extremum shift in font units)."""
    if "CFF " not in font:
        fail("subset font has no CFF table (unexpected source format)")
    order = font.getGlyphOrder()
    gset = font.getGlyphSet()
    glyphs = {}
    max_shift = 0.0
    cff_bounds = {}
    for name in order:
        bp = BoundsPen(gset)
        gset[name].draw(bp)
        cff_bounds[name] = bp.bounds
        tt = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType clockwise: reverse.
        gset[name].draw(Cu2QuPen(tt, MAX_ERR, reverse_direction=True))
        glyphs[name] = tt.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]

    hmtx = font["hmtx"]
    new_gset = font.getGlyphSet()
    for name in order:
        g = glyphs[name]
        g.recalcBounds(glyf)
        adv = hmtx[name][0]
        hmtx[name] = (adv, g.xMin if g.numberOfContours else 0)
        # The converted outline must have the same extent as the CFF one.
        bp = BoundsPen(new_gset)
        new_gset[name].draw(bp)
        a, b = cff_bounds[name], bp.bounds
        if (a is None) != (b is None):
            fail(f"glyph {name}: outline lost or gained during conversion")
        if a is not None:
            shift = max(abs(x - y) for x, y in zip(a, b))
            max_shift = max(max_shift, shift)
            if shift > BOUNDS_TOLERANCE:
                fail(f"glyph {name}: bounds moved by {shift:.2f} units ({a} -> {b})")

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for field in (
        "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.recalc(font)  # points, contours, head bbox; done again on save

    post = font["post"]
    post.formatType = 3.0  # no glyph names
    post.extraNames = []
    post.mapping = {}

    head = font["head"]
    head.glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    return len(order), max_shift


def trim_cmap(font):
    """Keep only the Windows Unicode subtables (format 4, plus 12 if needed)."""
    cmap = font["cmap"]
    best = font.getBestCmap()
    keep = [t for t in cmap.tables if (t.platformID, t.platEncID) == (3, 1) and t.format == 4]
    if not keep:
        fail("subset font has no (3,1) format 4 cmap")
    if any(cp > 0xFFFF for cp in best):
        keep += [t for t in cmap.tables if (t.platformID, t.platEncID) == (3, 10) and t.format == 12]
    cmap.tables = keep


def rename(font, family, ps_family, style):
    name = font["name"]
    old = {r.nameID: r.toUnicode() for r in name.names if (r.platformID, r.platEncID, r.langID) == (3, 1, 0x409)}
    kept_ids = {0, 7, 8, 9, 10, 11, 12, 13, 14}
    name.names = [
        r for r in name.names
        if (r.platformID, r.platEncID, r.langID) == (3, 1, 0x409) and r.nameID in kept_ids
    ]
    version = font["head"].fontRevision
    full = family if style == "Regular" else f"{family} {style}"
    ps_name = f"{ps_family}-{style}"
    src_version = old.get(5, f"Version {version:.3f}").split(";")[0]
    for name_id, value in (
        (1, family),
        (2, style),
        (3, f"{version:.3f};XUNTING;{ps_name}"),
        (4, full),
        (5, f"{src_version};Xunting subset, TrueType outlines"),
        (6, ps_name),
    ):
        name.setName(value, name_id, 3, 1, 0x409)
    return full


def build(path, index, unicodes, family, ps_family, style, out_path):
    t0 = time.time()
    font = subset_face(path, index, unicodes)
    n_glyphs, shift = cff_to_glyf(font)
    trim_cmap(font)
    full = rename(font, family, ps_family, style)
    font.save(out_path, reorderTables=True)
    font.close()
    size = os.path.getsize(out_path)
    print(
        f"  wrote {os.path.relpath(out_path, ROOT)}: {full!r}, {len(unicodes)} chars, {n_glyphs} glyphs, "
        f"max extremum shift {shift:.2f} units, {fmt_size(size)}, {time.time() - t0:.0f}s",
        flush=True,
    )
    return size


# ---------------------------------------------------------------- checks

def verify(out_path, expected_cps, family, style):
    font = TTFont(out_path)
    problems = []
    if "glyf" not in font or "loca" not in font:
        problems.append("no glyf/loca table")
    for tag in ("CFF ", "CFF2", "VORG", "GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "fpgm", "prep", "cvt "):
        if tag in font:
            problems.append(f"unexpected table {tag!r}")
    if font["maxp"].tableVersion != 0x00010000:
        problems.append("maxp is not version 1.0")
    if font["head"].glyphDataFormat != 0:
        problems.append("head.glyphDataFormat != 0")
    cmap = font.getBestCmap()
    if set(cmap) != set(expected_cps):
        missing = sorted(set(expected_cps) - set(cmap))[:10]
        extra = sorted(set(cmap) - set(expected_cps))[:10]
        problems.append(f"cmap mismatch: missing {missing} extra {extra}")
    if english_name(font, 1) != family or english_name(font, 2) != style:
        problems.append(f"name table says {english_name(font, 1)!r}/{english_name(font, 2)!r}")
    glyf = font["glyf"]
    upm = font["head"].unitsPerEm
    for gname in font.getGlyphOrder():
        g = glyf[gname]
        if g.numberOfContours == 0:
            continue
        if g.isComposite():
            problems.append(f"glyph {gname} is composite")
            break
        # Combining marks (e.g. U+302A) sit left of x=0, so allow a generous box.
        if not (-2 * upm <= g.xMin <= g.xMax <= 3 * upm and -upm <= g.yMin <= g.yMax <= 2 * upm):
            problems.append(f"glyph {gname} has bounds {(g.xMin, g.yMin, g.xMax, g.yMax)}")
            break
        if g.program.getBytecode():
            problems.append(f"glyph {gname} has instructions")
            break
    font.close()
    if problems:
        fail(f"{os.path.relpath(out_path, ROOT)} failed checks: " + "; ".join(problems))
    print(f"  checked {os.path.relpath(out_path, ROOT)}: glyf outlines, {len(cmap)} chars mapped, bounds sane")
    return cmap


# ---------------------------------------------------------------- docs

def write_ofl(copyright_line):
    header = (
        f"Copyright {copyright_line.lstrip('©').strip().rstrip('.')}, with Reserved Font Name 'Source'.\n"
        "Noto is a trademark of Google Inc.\n"
        "\n"
        "The fonts in this folder are Modified Versions of Noto Serif CJK SC\n"
        "(subset, converted to TrueType outlines and renamed \"Noto Serif SC Xunting\").\n"
        "\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n"
        "\n"
    )
    path = os.path.join(OUT_DIR, "OFL.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(header + OFL_TEXT)
    print(f"  wrote {os.path.relpath(path, ROOT)}")


def write_readme(info):
    r = info
    text = f"""# Report fonts

Generated by `scripts/build-fonts.py` (`npm run fonts`, i.e. `python3 scripts/build-fonts.py`
from the repository root); edit the script or `scripts/font-extra-chars.txt`, not this file.
Needs Debian's `fonts-noto-cjk` and `python3-fonttools`
(`apt-get install -y fonts-noto-cjk python3-fonttools`). The build is deterministic.

| file | family / style | characters | size |
| --- | --- | --- | --- |
| `NotoSerifSC-Regular.ttf` | {FAMILY} / Regular | {r['main_count']:,} | {r['size_regular']:,} bytes |
| `NotoSerifSC-Bold.ttf` | {FAMILY} / Bold | {r['main_count']:,} | {r['size_bold']:,} bytes |
| `NotoSerifSC-Ext.ttf` | {EXT_FAMILY} / Regular | {r['ext_count']:,} | {r['size_ext']:,} bytes |
| `HanaMinSIP.ttf` | {SIP_FAMILY} / Regular | see below | see below |
| `coverage.json` | code point ranges (inclusive) of the fonts: `{{"main": [[first, last], ...], "ext": [...], "sip": [...]}}` | | |
| `OFL.txt` | the licence of the Noto-based fonts (SIL Open Font License 1.1) | | |
| `HANAZONO-LICENSE.txt` | the licence of `HanaMinSIP.ttf` (Hanazono Font License) | | |

**Main fonts** (Regular and Bold, same characters): printable ASCII; NBSP § ° ± · × ÷;
General Punctuation U+2010–2027 and U+2030–203B; Roman numerals U+2160–216B; circled digits
U+2460–2473; the GB2312 shapes of U+25A0–25CF; CJK punctuation U+3000–303F; fullwidth forms
U+FF01–FF5E and U+FFE0–FFE5; all of GB2312 (symbols and the 6,763 hanzi); every non-ASCII
character of `public/defaults/*.json` and of `scripts/font-extra-chars.txt` (rare given-name
and place-name characters). Only characters the source face has are kept.

**Ext font** (Regular only): every ideograph of U+3400–4DBF, U+4E00–9FFF and U+F900–FAFF that
the source face has and the main fonts lack. Load it only when a record needs one of them
(check with `coverage.json`).

**SIP font** (Regular only, `python3 scripts/build-fonts.py --sip-only` rebuilds just this one
and the "sip" ranges): ideographs beyond the BMP (CJK Extension B and later) that names in
China may need — Unihan kIRG_GSource other than the historical dictionaries (GKX, GHZ, GHZR)
and Zhuang (GZ*), plus kTGH (通用规范汉字表), kIRG_HSource (HKSCS) and the supplementary-plane
characters of `scripts/font-extra-chars.txt` — from HanaMinB (花園明朝B, Debian's
`fonts-hanazono`, TrueType outlines; Unihan from `unicode-data`), about 4,800 characters and
2.4 MB (all of Extension B would be about 21 MB). Licence: Hanazono Font License (free use,
copying and distribution, with or without modification), text in `HANAZONO-LICENSE.txt`.

**How they were made**: the "{SOURCE_FAMILY}" face of Debian's `NotoSerifCJK-Regular.ttc` /
`NotoSerifCJK-Bold.ttc` (version {r['source_version']}) was subset with `fontTools.subset`
(no layout features, no hinting, no vertical metrics, no glyph names), its CFF outlines were
converted to TrueType quadratic outlines with cu2qu (max error {MAX_ERR:g} unit of the 1000-unit
em), and the fonts were renamed.

**Licence**: these are Modified Versions of Noto Serif CJK (© Adobe) under the SIL Open Font
License 1.1, whose full text is in `OFL.txt`; ship that file with the fonts. The OFL bars
Modified Versions from using a Reserved Font Name. Noto itself declares none (the upstream
header reserves only "Source"), but the fonts are renamed anyway ("{FAMILY}",
"{EXT_FAMILY}") so they cannot be mistaken for the originals. The copyright, trademark and
licence strings of the original name table are kept.
"""
    path = os.path.join(OUT_DIR, "README.md")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"  wrote {os.path.relpath(path, ROOT)}")


# ---------------------------------------------------------------- main

def main():
    t_start = time.time()
    os.makedirs(OUT_DIR, exist_ok=True)
    src = {w: find_source(w) for w in ("Regular", "Bold")}
    faces = {}
    for w, p in src.items():
        faces[w] = find_sc_face(p)
        print(f"source {w}: {p} face #{faces[w]} ({SOURCE_FAMILY})")

    probe = open_face(src["Regular"], faces["Regular"])
    have = {"Regular": set(probe.getBestCmap())}
    copyright_line = english_name(probe, 0) or "2017-2022 Adobe (http://www.adobe.com/)"
    source_version = f"{probe['head'].fontRevision:.3f}"
    probe.close()
    probe = open_face(src["Bold"], faces["Bold"])
    have["Bold"] = set(probe.getBestCmap())
    probe.close()

    gb, parts = wanted_main_chars()
    wanted = set()
    print("main subset:")
    for label, cps in parts:
        got = cps & have["Regular"]
        wanted |= cps
        line = f"  {label}: {len(cps)} wanted, {len(got)} in font"
        lost = sorted(cps - have["Regular"])
        if lost and len(lost) <= 40:
            line += " (missing: " + " ".join(f"U+{c:04X}" for c in lost) + ")"
        elif lost:
            line += f" ({len(lost)} missing)"
        print(line)
    extra = dict(parts)["scripts/font-extra-chars.txt"]
    outside = sorted(extra - gb)
    print(f"  font-extra-chars.txt: {len(outside)} outside GB2312: " + "".join(chr(c) for c in outside))

    main_cps = wanted & have["Regular"] & have["Bold"]
    for w in ("Regular", "Bold"):
        only = (wanted & have[w]) - main_cps
        if only:
            print(f"  note: {len(only)} chars only in {w} source dropped so both weights match")
    ext_cps = set()
    for a, b in EXT_RANGES:
        ext_cps |= rng(a, b)
    ext_cps = (ext_cps & have["Regular"]) - main_cps
    print(f"main: {len(main_cps)} chars; ext: {len(ext_cps)} chars")

    print("building:")
    sizes = {}
    outs = {
        "regular": (src["Regular"], faces["Regular"], main_cps, FAMILY, PS_FAMILY, "Regular", "NotoSerifSC-Regular.ttf"),
        "bold": (src["Bold"], faces["Bold"], main_cps, FAMILY, PS_FAMILY, "Bold", "NotoSerifSC-Bold.ttf"),
        "ext": (src["Regular"], faces["Regular"], ext_cps, EXT_FAMILY, EXT_PS_FAMILY, "Regular", "NotoSerifSC-Ext.ttf"),
    }
    for key, (p, idx, cps, fam, psfam, style, fname) in outs.items():
        sizes[key] = build(p, idx, cps, fam, psfam, style, os.path.join(OUT_DIR, fname))

    print("checking:")
    for key, (p, idx, cps, fam, psfam, style, fname) in outs.items():
        verify(os.path.join(OUT_DIR, fname), cps, fam, style)

    coverage_path = os.path.join(OUT_DIR, "coverage.json")
    main_r, ext_r = to_ranges(main_cps), to_ranges(ext_cps)
    with open(coverage_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{\n"main": ' + json.dumps(main_r, separators=(",", ":")))
        fh.write(',\n"ext": ' + json.dumps(ext_r, separators=(",", ":")) + "\n}\n")
    print(f"  wrote {os.path.relpath(coverage_path, ROOT)}: {len(main_r)} main ranges, {len(ext_r)} ext ranges")

    write_ofl(copyright_line)
    write_readme({
        "main_count": len(main_cps),
        "ext_count": len(ext_cps),
        "size_regular": sizes["regular"],
        "size_bold": sizes["bold"],
        "size_ext": sizes["ext"],
        "source_version": source_version,
    })

    print("done in %.0fs:" % (time.time() - t_start))
    for key, (_, _, _, _, _, _, fname) in outs.items():
        p = os.path.join(OUT_DIR, fname)
        with open(p, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()[:16]
        print(f"  {fname}: {fmt_size(sizes[key])} sha256 {digest}")


# ---------------------------------------------------------------- supplementary-plane names

SIP_SOURCE = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"  # Debian fonts-hanazono
SIP_LICENSE_SOURCE = "/usr/share/doc/fonts-hanazono/copyright"
SIP_FILE = "HanaMinSIP.ttf"
SIP_FAMILY = "Xunting HanaMin SIP"
SIP_PS_FAMILY = "XuntingHanaMinSIP"
UNIHAN_DIR = "/usr/share/unicode"  # Debian unicode-data
# G sources that are historical dictionaries only (康熙字典, 汉语大字典) or Zhuang script:
# ideographs known only from them are not expected in a person's or a place's name today.
SIP_SKIP_SOURCES = ("GKX", "GHZ", "GHZR", "GZ")


def unihan_field(file_name, field):
    import bz2
    out = {}
    with bz2.open(os.path.join(UNIHAN_DIR, file_name), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cp, key, value = line.rstrip("\n").split("\t")
            if key == field:
                out[int(cp[2:], 16)] = value
    return out


def wanted_sip_chars():
    """Ideographs beyond the BMP (Extension B and later) that names in China may need.

    All of Extension B alone would be ~21 MB; this is the set with a modern Chinese source
    (Unihan kIRG_GSource other than the historical dictionaries and Zhuang, e.g. the ID-card
    and name-database sources GIDC/GXM, place names GDM, 辞海, 辞源, 古籍印刷通用字),
    the 通用规范汉字表 (kTGH), the Hong Kong SCS (kIRG_HSource), and every supplementary-plane
    character of scripts/font-extra-chars.txt.
    """
    g = unihan_field("Unihan_IRGSources.txt.bz2", "kIRG_GSource")
    h = unihan_field("Unihan_IRGSources.txt.bz2", "kIRG_HSource")
    tgh = unihan_field("Unihan_OtherMappings.txt.bz2", "kTGH")
    cps = {c for c, v in g.items() if c > 0xFFFF and not v.split("-")[0].startswith(SIP_SKIP_SOURCES)}
    cps |= {c for c in h if c > 0xFFFF} | {c for c in tgh if c > 0xFFFF}
    with open(EXTRA_CHARS_FILE, encoding="utf-8") as fh:
        cps |= {ord(ch) for line in fh if not line.startswith("#") for ch in line if ord(ch) > 0xFFFF}
    return cps


def build_sip():
    """The supplementary-plane fallback: HanaMinB (TrueType outlines already), subset and renamed."""
    t0 = time.time()
    if not os.path.exists(SIP_SOURCE):
        fail(f"{SIP_SOURCE} is missing. Install it with: apt-get install -y fonts-hanazono unicode-data")
    font = TTFont(SIP_SOURCE)
    have = set(font.getBestCmap())
    wanted = wanted_sip_chars()
    cps = wanted & have
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.glyph_names = False
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["FFTM", "vhea", "vmtx", "VORG"]
    sub = subset.Subsetter(opts)
    # U+3000 gives the font the BMP (format 4) cmap jsPDF requires; the names are in format 12.
    sub.populate(unicodes=sorted(cps | {0x3000}))
    sub.subset(font)
    trim_cmap(font)
    rename(font, SIP_FAMILY, SIP_PS_FAMILY, "Regular")
    out_path = os.path.join(OUT_DIR, SIP_FILE)
    font.save(out_path, reorderTables=True)
    font.close()
    size = os.path.getsize(out_path)
    print(f"  wrote {SIP_FILE}: {len(cps)} chars ({len(wanted - have)} wanted but not in the source), {fmt_size(size)}, {time.time() - t0:.0f}s")
    with open(SIP_LICENSE_SOURCE, encoding="utf-8") as src, open(os.path.join(OUT_DIR, "HANAZONO-LICENSE.txt"), "w", encoding="utf-8", newline="\n") as out:
        out.write(f"{SIP_FILE} is a subset of HanaMinB (花園明朝B) from Debian's fonts-hanazono, renamed\n")
        out.write(f'"{SIP_FAMILY}", used under the Hanazono Font License (free use, copying and\n')
        out.write("distribution, with or without modification). Debian's copyright file follows.\n\n")
        out.write(src.read())
    return to_ranges(cps), size


def write_sip_coverage(sip_ranges):
    """Add (or replace) the "sip" ranges of coverage.json, keeping "main" and "ext" as they are."""
    coverage_path = os.path.join(OUT_DIR, "coverage.json")
    with open(coverage_path, encoding="utf-8") as fh:
        cov = json.load(fh)
    with open(coverage_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{\n"main": ' + json.dumps(cov["main"], separators=(",", ":")))
        fh.write(',\n"ext": ' + json.dumps(cov["ext"], separators=(",", ":")))
        fh.write(',\n"sip": ' + json.dumps(sip_ranges, separators=(",", ":")) + "\n}\n")
    print(f"  wrote coverage.json: {len(sip_ranges)} sip ranges")


if __name__ == "__main__":
    if "--sip-only" not in sys.argv:
        main()
    write_sip_coverage(build_sip()[0])
