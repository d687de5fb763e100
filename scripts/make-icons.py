#!/usr/bin/env python3
"""Draws Broadsheet's app icons into public/icons/ (needs Pillow; a dev tool only).

    python3 scripts/make-icons.py

icon-192.png and icon-512.png: a serif "B" on the accent red with rounded corners.
maskable-512.png: the same mark inside the 80 % safe zone on a full-bleed square.
"""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
ACCENT = (161, 37, 27)
PAPER = (251, 248, 241)
FONTS = ["/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"]


def font(size):
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def draw(size, maskable):
    scale = 4  # draw large, then downsample for smooth edges
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if maskable:
        d.rectangle([0, 0, s, s], fill=ACCENT)
        glyph = int(s * 0.52)
    else:
        d.rounded_rectangle([0, 0, s - 1, s - 1], radius=int(s * 0.2), fill=ACCENT)
        glyph = int(s * 0.68)
    f = font(glyph)
    box = d.textbbox((0, 0), "B", font=f)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((s - w) / 2 - box[0], (s - h) / 2 - box[1]), "B", font=f, fill=PAPER)
    # A thin rule under the letter, like a masthead.
    y = (s + h) / 2 + s * 0.05
    d.rectangle([s * 0.3, y, s * 0.7, y + s * 0.02], fill=PAPER)
    return img.resize((size, size), Image.LANCZOS)


OUT.mkdir(parents=True, exist_ok=True)
draw(192, False).save(OUT / "icon-192.png", optimize=True)
draw(512, False).save(OUT / "icon-512.png", optimize=True)
draw(512, True).save(OUT / "maskable-512.png", optimize=True)
print("wrote", sorted(p.name for p in OUT.iterdir()))
