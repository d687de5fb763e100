#!/usr/bin/env python3
"""Generate the procedural sample photographs used by the demo articles.

Broadsheet ships a few sample articles in public/articles/. One of them,
harbour-light-restoration.json, uses three local pictures. Rather than
committing photographs of unknown provenance, the pictures are drawn
procedurally by this script with Pillow (pure Pillow, no numpy):

    lighthouse-dusk   3:2   a lighthouse on a headland at dusk
    harbour-boats     16:9  a small harbour with moored fishing boats
    lamp-lens         4:5   a close-up of a Fresnel lens around the lamp

Each picture is rendered once at twice the largest output size
(supersampling) and then downscaled with Lanczos to two widths, 640 px and
1280 px, saved as progressive JPEG (quality 78) into public/images/ as
NAME-640.jpg and NAME-1280.jpg.

The output is deterministic: all randomness comes from random.Random with
a fixed seed per picture, so running the script again with the same Pillow
version reproduces the same files byte for byte.

Usage (from the repository root):

    pip install pillow          # dev-only dependency, not needed by the app
    python3 scripts/make-sample-images.py [OUTPUT_DIR]

OUTPUT_DIR defaults to public/images/ next to this script's parent.
If you regenerate the images, the "width"/"height" recorded in the article
JSON must still match the files (they will, unless you change the sizes).
"""

import math
import os
import random
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SEED = 20240602
SUPERSAMPLE = 2
WIDTHS = (640, 1280)
QUALITY = 78

# name -> (aspect width, aspect height)
PICTURES = {
    "lighthouse-dusk": (3, 2),
    "harbour-boats": (16, 9),
    "lamp-lens": (4, 5),
}


# --------------------------------------------------------------------------
# Small drawing helpers
# --------------------------------------------------------------------------

def mix(c1, c2, t):
    """Linear blend of two RGB tuples, t in [0, 1]."""
    t = max(0.0, min(1.0, t))
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))


def ramp(stops, t):
    """Colour at position t along a list of (position, rgb) stops."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            return mix(c0, c1, (t - p0) / (p1 - p0) if p1 > p0 else 0.0)
    return stops[-1][1]


def vgrad(w, h, stops):
    """A w x h image with a vertical multi-stop gradient."""
    col = Image.new("RGB", (1, h))
    col.putdata([ramp(stops, y / max(1, h - 1)) for y in range(h)])
    return col.resize((w, h), Image.NEAREST)


def new_mask(size):
    return Image.new("L", size, 0)


def paint(base, mask, color):
    """Composite a flat colour onto base through an L mask."""
    return Image.composite(Image.new("RGB", base.size, color), base, mask)


def add_light(base, mask, color):
    """Screen-blend a coloured light through an L mask (additive-ish glow)."""
    light = ImageChops.multiply(Image.new("RGB", base.size, color),
                                Image.merge("RGB", (mask, mask, mask)))
    return ImageChops.screen(base, light)


def radial_mask(size, center, radius, strength=255, blur=None):
    m = new_mask(size)
    cx, cy = center
    ImageDraw.Draw(m).ellipse([cx - radius, cy - radius, cx + radius, cy + radius],
                              fill=int(strength))
    return m.filter(ImageFilter.GaussianBlur(blur if blur is not None else radius * 0.6))


def vignette(img, amount=0.35):
    w, h = img.size
    m = new_mask((w, h))
    d = ImageDraw.Draw(m)
    d.rectangle([0, 0, w, h], fill=int(255 * amount))
    d.ellipse([-w * 0.15, -h * 0.15, w * 1.15, h * 1.15], fill=0)
    m = m.filter(ImageFilter.GaussianBlur(min(w, h) * 0.12))
    return paint(img, m, (0, 0, 0))


def dither(img, rng, amount=3):
    """Add a faint deterministic grain to hide gradient banding."""
    tile = Image.new("L", (128, 128))
    tile.putdata([128 + rng.randint(-amount, amount) for _ in range(128 * 128)])
    w, h = img.size
    grain = Image.new("L", (w, h))
    for y in range(0, h, 128):
        for x in range(0, w, 128):
            grain.paste(tile, (x, y))
    g = Image.merge("RGB", (grain, grain, grain))
    return ImageChops.add(img, g, scale=1.0, offset=-128)   # img + (grain - 128)


def ridge(rng, x0, x1, base_y, amp, n, steps=120):
    """Polyline of a hill ridge made from a few summed sines."""
    waves = [(rng.uniform(0.5, 3.0), rng.uniform(0, 2 * math.pi), rng.uniform(0.3, 1.0))
             for _ in range(n)]
    pts = []
    for i in range(steps + 1):
        t = i / steps
        x = x0 + (x1 - x0) * t
        v = sum(a * math.sin(f * t * 2 * math.pi + p) for f, p, a in waves) / n
        pts.append((x, base_y - amp * (0.6 + 0.4 * v)))
    return pts


def wave_shift(img, rng, max_shift, period, band=3):
    """Break a mirrored image into horizontal streaks, as ripples do.

    Each band of rows is shifted sideways by a smooth, slowly varying amount
    (two incommensurate sines plus a little jitter) that grows with distance
    from the waterline, then the result is softened vertically.
    """
    w, h = img.size
    out = img.copy()
    p1, p2 = rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)
    for y in range(0, h, band):
        depth = y / max(1, h)
        v = (0.6 * math.sin(y / period + p1) + 0.4 * math.sin(y / (period * 2.7) + p2)
             + rng.uniform(-0.25, 0.25))
        s = int(round(max_shift * (0.25 + depth) * v))
        out.paste(img.crop((0, y, w, min(h, y + band))), (s, y))
    return out.filter(ImageFilter.BoxBlur(max(1, band // 2)))


# --------------------------------------------------------------------------
# Picture 1: lighthouse on a headland at dusk (3:2)
# --------------------------------------------------------------------------

def lighthouse_dusk(W, H, rng):
    hz = int(H * 0.63)                      # horizon
    img = Image.new("RGB", (W, H))
    img.paste(vgrad(W, hz, [(0.0, (16, 20, 56)), (0.32, (52, 40, 96)),
                            (0.62, (150, 74, 112)), (0.84, (232, 132, 92)),
                            (1.0, (252, 194, 122))]), (0, 0))

    # stars fading towards the horizon
    d = ImageDraw.Draw(img)
    for _ in range(260):
        x, y = rng.uniform(0, W), rng.uniform(0, hz * 0.42) ** 1.0
        fade = 1 - y / (hz * 0.42)
        r = rng.choice((1, 1, 1.5, 2)) * W / 2560
        c = mix((60, 50, 110), (255, 250, 235), fade * rng.uniform(0.4, 1.0))
        d.ellipse([x - r, y - r, x + r, y + r], fill=c)

    # the setting sun and its glow
    sun = (W * 0.30, hz + H * 0.012)
    img = add_light(img, radial_mask(img.size, sun, W * 0.28, 120), (255, 140, 70))
    img = add_light(img, radial_mask(img.size, sun, W * 0.09, 200), (255, 190, 110))
    m = new_mask(img.size)
    r = W * 0.032
    ImageDraw.Draw(m).ellipse([sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r], fill=255)
    img = paint(img, m.filter(ImageFilter.GaussianBlur(W * 0.002)), (255, 228, 170))

    # long thin clouds with lit undersides
    for i in range(7):
        cy = rng.uniform(hz * 0.30, hz * 0.86)
        cx = rng.uniform(-W * 0.1, W * 0.9)
        length = rng.uniform(W * 0.18, W * 0.45)
        thick = rng.uniform(H * 0.008, H * 0.022)
        body, rim = new_mask(img.size), new_mask(img.size)
        bd, rd = ImageDraw.Draw(body), ImageDraw.Draw(rim)
        for _ in range(9):
            ox = rng.uniform(0, length)
            oy = rng.gauss(0, thick * 0.6)
            ew = rng.uniform(length * 0.15, length * 0.4)
            eh = thick * rng.uniform(0.6, 1.4)
            bd.ellipse([cx + ox - ew / 2, cy + oy - eh, cx + ox + ew / 2, cy + oy + eh],
                       fill=190)
            rd.ellipse([cx + ox - ew / 2, cy + oy + eh * 0.2, cx + ox + ew / 2,
                        cy + oy + eh * 1.25], fill=150)
        t = cy / hz
        img = paint(img, body.filter(ImageFilter.GaussianBlur(thick * 0.7)),
                    mix((48, 30, 78), (128, 60, 92), t))
        img = add_light(img, rim.filter(ImageFilter.GaussianBlur(thick * 0.5)),
                        mix((120, 60, 90), (255, 150, 100), t))

    # distant hazy hills on the left
    d = ImageDraw.Draw(img)
    pts = ridge(rng, -10, W * 0.52, hz, H * 0.07, 4)
    d.polygon(pts + [(W * 0.52, hz), (-10, hz)], fill=(92, 56, 96))
    pts = ridge(rng, -10, W * 0.34, hz, H * 0.045, 3)
    d.polygon(pts + [(W * 0.34, hz), (-10, hz)], fill=(66, 40, 78))

    # the sea
    sea = vgrad(W, H - hz, [(0.0, (112, 66, 104)), (0.25, (62, 44, 88)),
                            (1.0, (16, 18, 44))])
    img.paste(sea, (0, hz))

    # sun glitter path and general wave highlights
    glit = new_mask(img.size)
    gd = ImageDraw.Draw(glit)
    for _ in range(1400):
        depth = rng.random() ** 1.6
        y = hz + 2 + depth * (H - hz)
        spread = W * (0.012 + 0.10 * depth)
        x = sun[0] + rng.gauss(0, spread)
        ln = rng.uniform(0.2, 1.0) * W * (0.006 + 0.05 * depth)
        a = int(255 * (1 - depth * 0.7) * rng.uniform(0.3, 1.0))
        gd.line([(x - ln / 2, y), (x + ln / 2, y)], fill=a,
                width=max(1, int(H * 0.002 * (1 + 2 * depth))))
    img = add_light(img, glit.filter(ImageFilter.GaussianBlur(W * 0.0008)), (255, 176, 110))
    ripples = new_mask(img.size)
    rd = ImageDraw.Draw(ripples)
    for _ in range(900):
        depth = rng.random()
        y = hz + 3 + depth * (H - hz)
        x = rng.uniform(0, W)
        ln = W * (0.004 + 0.03 * depth) * rng.uniform(0.4, 1.0)
        rd.line([(x, y), (x + ln, y)], fill=int(70 * rng.uniform(0.4, 1.0)),
                width=max(1, int(H * 0.0015 * (1 + depth))))
    img = add_light(img, ripples, (200, 120, 150))

    # lighthouse geometry (needed before the beams)
    tx, ty = W * 0.80, H * 0.655            # foot of the tower (centre)
    th = H * 0.40
    bw, tw = W * 0.036, W * 0.024           # half widths at foot and top
    top = ty - th
    lantern_c = (tx, top - H * 0.055)

    # beams of light sweeping out to sea
    beams = new_mask(img.size)
    bd = ImageDraw.Draw(beams)
    bd.polygon([lantern_c, (-W * 0.05, lantern_c[1] - H * 0.20),
                (-W * 0.05, lantern_c[1] + H * 0.02)], fill=70)
    bd.polygon([lantern_c, (W * 1.1, lantern_c[1] - H * 0.07),
                (W * 1.1, lantern_c[1] + H * 0.03)], fill=45)
    img = add_light(img, beams.filter(ImageFilter.GaussianBlur(W * 0.01)), (255, 236, 190))

    # headland and rocks
    d = ImageDraw.Draw(img)
    land_top = [(W * 0.50, H + 5), (W * 0.54, hz + H * 0.05), (W * 0.60, hz + H * 0.012),
                (W * 0.66, H * 0.665), (W * 0.72, H * 0.652), (W * 0.90, H * 0.648),
                (W * 0.95, H * 0.655), (W + 10, H * 0.650)]
    d.polygon(land_top + [(W + 10, H + 5)], fill=(30, 22, 38))
    d.line(land_top[1:], fill=(132, 74, 84), width=max(2, int(W * 0.0016)))
    # strata on the cliff face
    for i in range(14):
        y = H * 0.68 + i * H * 0.024
        x0 = W * 0.55 + (y - hz) * 0.35 + rng.uniform(-W * 0.01, W * 0.01)
        d.line([(x0, y), (x0 + rng.uniform(W * 0.05, W * 0.25), y + rng.uniform(-8, 8))],
               fill=(44, 32, 50), width=max(2, int(H * 0.003)))
    # boulders at the waterline
    for i in range(16):
        bx = W * rng.uniform(0.40, 0.62)
        by = H * rng.uniform(0.74, 0.98)
        br = W * rng.uniform(0.01, 0.03) * (0.6 + (by / H - 0.7))
        d.ellipse([bx - br * 1.6, by - br, bx + br * 1.6, by + br * 0.7], fill=(24, 18, 32))
        d.arc([bx - br * 1.6, by - br, bx + br * 1.6, by + br * 0.7], 190, 280,
              fill=(150, 84, 86), width=max(2, int(W * 0.0012)))
        d.line([(bx - br * 1.9, by + br * 0.7), (bx + br * 1.9, by + br * 0.7)],
               fill=(210, 150, 150), width=max(1, int(H * 0.0015)))

    # keeper's cottage
    cx0, cy0 = W * 0.86, H * 0.650
    d.rectangle([cx0, cy0 - H * 0.05, cx0 + W * 0.09, cy0], fill=(196, 170, 176))
    d.rectangle([cx0 + W * 0.045, cy0 - H * 0.05, cx0 + W * 0.09, cy0], fill=(126, 104, 124))
    d.polygon([(cx0 - W * 0.006, cy0 - H * 0.05), (cx0 + W * 0.096, cy0 - H * 0.05),
               (cx0 + W * 0.08, cy0 - H * 0.078), (cx0 + W * 0.012, cy0 - H * 0.078)],
              fill=(60, 36, 52))
    for wx in (cx0 + W * 0.012, cx0 + W * 0.06):
        d.rectangle([wx, cy0 - H * 0.034, wx + W * 0.013, cy0 - H * 0.014], fill=(255, 205, 120))
    img = add_light(img, radial_mask(img.size, (cx0 + W * 0.04, cy0 - H * 0.025), W * 0.03, 60),
                    (255, 170, 90))
    d = ImageDraw.Draw(img)

    # the tower: alternating white and red bands
    bands = 5
    for i in range(bands):
        y0 = ty - th * i / bands
        y1 = ty - th * (i + 1) / bands
        w0 = bw + (tw - bw) * i / bands
        w1 = bw + (tw - bw) * (i + 1) / bands
        col = (236, 214, 214) if i % 2 == 0 else (184, 52, 58)
        d.polygon([(tx - w0, y0), (tx + w0, y0), (tx + w1, y1), (tx - w1, y1)], fill=col)
    # shading: the right half faces away from the sunset
    shade = new_mask(img.size)
    ImageDraw.Draw(shade).polygon([(tx + bw * 0.05, ty), (tx + bw, ty), (tx + tw, top),
                                   (tx + tw * 0.05, top)], fill=140)
    img = paint(img, shade.filter(ImageFilter.GaussianBlur(W * 0.004)), (40, 26, 60))
    rim = new_mask(img.size)
    ImageDraw.Draw(rim).line([(tx - bw + 3, ty), (tx - tw + 3, top)], fill=160,
                             width=max(2, int(W * 0.003)))
    img = add_light(img, rim.filter(ImageFilter.GaussianBlur(2)), (255, 160, 110))
    d = ImageDraw.Draw(img)
    # door and little windows
    d.rectangle([tx - bw * 0.25, ty - H * 0.04, tx + bw * 0.2, ty], fill=(50, 30, 40))
    for k in (0.35, 0.62):
        y = ty - th * k
        d.rectangle([tx - bw * 0.12, y - H * 0.012, tx + bw * 0.08, y + H * 0.012],
                    fill=(255, 200, 120))

    # gallery, lantern room and dome
    gw = tw * 1.55
    d.rectangle([tx - gw, top - H * 0.008, tx + gw, top + H * 0.004], fill=(34, 24, 36))
    rail_y = top - H * 0.03
    d.line([(tx - gw, rail_y), (tx + gw, rail_y)], fill=(34, 24, 36), width=max(2, int(H * 0.003)))
    for k in range(9):
        x = tx - gw + 2 * gw * k / 8
        d.line([(x, rail_y), (x, top - H * 0.008)], fill=(34, 24, 36), width=max(1, int(W * 0.0012)))
    lw = tw * 0.95
    ltop = top - H * 0.085
    d.rectangle([tx - lw, ltop, tx + lw, top - H * 0.008], fill=(255, 238, 180))
    for k in range(5):
        x = tx - lw + 2 * lw * k / 4
        d.line([(x, ltop), (x, top - H * 0.008)], fill=(60, 40, 44), width=max(2, int(W * 0.0016)))
    d.pieslice([tx - lw * 1.1, ltop - lw * 0.9, tx + lw * 1.1, ltop + lw * 0.9], 180, 360,
               fill=(96, 30, 40))
    d.line([(tx, ltop - lw * 0.9), (tx, ltop - lw * 1.5)], fill=(40, 26, 34),
           width=max(2, int(W * 0.002)))
    img = add_light(img, radial_mask(img.size, lantern_c, W * 0.05, 230), (255, 236, 180))
    img = add_light(img, radial_mask(img.size, lantern_c, W * 0.16, 90), (255, 190, 120))

    # a few gulls
    d = ImageDraw.Draw(img)
    for _ in range(6):
        gx, gy = rng.uniform(W * 0.35, W * 0.7), rng.uniform(H * 0.15, H * 0.40)
        s = W * rng.uniform(0.006, 0.012)
        d.line([(gx - s, gy - s * 0.3), (gx - s * 0.4, gy - s * 0.45), (gx, gy)],
               fill=(30, 22, 44), width=max(2, int(W * 0.0012)))
        d.line([(gx, gy), (gx + s * 0.4, gy - s * 0.45), (gx + s, gy - s * 0.3)],
               fill=(30, 22, 44), width=max(2, int(W * 0.0012)))

    return vignette(img, 0.45)


# --------------------------------------------------------------------------
# Picture 2: harbour with moored boats (16:9)
# --------------------------------------------------------------------------

HOUSE_COLOURS = [(230, 200, 160), (196, 214, 220), (238, 226, 208), (214, 150, 130),
                 (170, 196, 170), (240, 214, 120), (226, 184, 196), (246, 240, 230),
                 (150, 178, 206), (222, 170, 110)]


def draw_boat(size, x, y, s, hull, rng):
    """Draw one boat on a transparent layer. (x, y) is the waterline centre."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    L, Hh = s * 1.0, s * 0.16
    # hull: flat stern on the left, raked bow on the right
    d.polygon([(x - L * 0.5, y - Hh), (x + L * 0.5, y - Hh * 1.35), (x + L * 0.36, y + Hh * 0.25),
               (x - L * 0.44, y + Hh * 0.25)], fill=hull + (255,))
    d.line([(x - L * 0.5, y - Hh), (x + L * 0.5, y - Hh * 1.35)], fill=(250, 250, 245, 255),
           width=max(2, int(s * 0.018)))
    d.polygon([(x - L * 0.47, y - Hh * 0.05), (x + L * 0.41, y - Hh * 0.1),
               (x + L * 0.38, y + Hh * 0.25), (x - L * 0.44, y + Hh * 0.25)],
              fill=(60, 40, 40, 255))
    # wheelhouse
    wx0, wx1 = x - L * 0.28, x - L * 0.02
    d.rectangle([wx0, y - Hh * 2.6, wx1, y - Hh * 1.05], fill=(242, 240, 232, 255))
    d.rectangle([wx0, y - Hh * 2.75, wx1 + L * 0.02, y - Hh * 2.5], fill=(90, 90, 96, 255))
    for k in range(3):
        px = wx0 + (wx1 - wx0) * (0.1 + 0.3 * k)
        d.rectangle([px, y - Hh * 2.3, px + (wx1 - wx0) * 0.2, y - Hh * 1.75],
                    fill=(52, 70, 86, 255))
    # mast, stays and flag
    mx = x + L * 0.08
    mtop = y - s * 0.75
    d.line([(mx, y - Hh * 1.2), (mx, mtop)], fill=(70, 60, 56, 255), width=max(2, int(s * 0.012)))
    d.line([(mx, mtop), (x + L * 0.48, y - Hh * 1.3)], fill=(80, 80, 80, 200), width=max(1, int(s * 0.004)))
    d.line([(mx, mtop), (x - L * 0.48, y - Hh * 1.0)], fill=(80, 80, 80, 200), width=max(1, int(s * 0.004)))
    d.line([(mx, y - s * 0.5), (mx + L * 0.12, y - s * 0.5)], fill=(70, 60, 56, 255),
           width=max(1, int(s * 0.008)))
    flag = rng.choice([(200, 40, 40), (30, 60, 140), (240, 190, 40)])
    d.polygon([(mx, mtop), (mx + s * 0.09, mtop + s * 0.025), (mx, mtop + s * 0.05)],
              fill=flag + (255,))
    # fenders
    for k in range(3):
        fx = x - L * 0.3 + k * L * 0.25
        d.ellipse([fx - s * 0.015, y - Hh * 0.9, fx + s * 0.015, y - Hh * 0.2],
                  fill=(250, 120, 40, 255))
    return layer


def reflect_layer(layer, waterline, rng, alpha=0.5, shift=6):
    """Mirror the part of a layer above the waterline below it, rippled."""
    w, h = layer.size
    top = max(0, int(2 * waterline - h))
    part = layer.crop((0, top, w, int(waterline))).transpose(Image.FLIP_TOP_BOTTOM)
    part = wave_shift(part, rng, shift, 9, band=4)
    a = part.getchannel("A").point(lambda v: int(v * alpha))
    part.putalpha(a)
    out = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    out.paste(part, (0, int(waterline)))
    return out


def harbour_boats(W, H, rng):
    wl = int(H * 0.60)                       # quay waterline
    img = vgrad(W, H, [(0.0, (120, 170, 214)), (0.45, (196, 218, 232)),
                       (0.56, (238, 228, 212)), (1.0, (238, 228, 212))])

    # soft clouds
    for _ in range(6):
        m = new_mask(img.size)
        d = ImageDraw.Draw(m)
        cx, cy = rng.uniform(0, W), rng.uniform(H * 0.05, H * 0.30)
        for _ in range(8):
            ox, oy = rng.gauss(0, W * 0.05), rng.gauss(0, H * 0.015)
            r = rng.uniform(W * 0.02, W * 0.05)
            d.ellipse([cx + ox - r * 1.8, cy + oy - r * 0.6, cx + ox + r * 1.8, cy + oy + r * 0.6],
                      fill=200)
        img = paint(img, m.filter(ImageFilter.GaussianBlur(W * 0.012)), (252, 252, 250))

    d = ImageDraw.Draw(img)
    # hills behind the town
    pts = ridge(rng, -10, W + 10, H * 0.44, H * 0.14, 4)
    d.polygon(pts + [(W + 10, H * 0.6), (-10, H * 0.6)], fill=(150, 172, 160))
    pts = ridge(rng, -10, W + 10, H * 0.47, H * 0.08, 3)
    d.polygon(pts + [(W + 10, H * 0.6), (-10, H * 0.6)], fill=(112, 146, 112))
    # field hedges on the near hill
    for _ in range(30):
        x, y = rng.uniform(0, W), rng.uniform(H * 0.41, H * 0.47)
        d.ellipse([x - W * 0.006, y - H * 0.006, x + W * 0.006, y + H * 0.006], fill=(84, 118, 88))

    # row of harbour houses
    street = H * 0.545
    x = -W * 0.02
    i = 0
    while x < W * 0.74:
        hw = W * rng.uniform(0.05, 0.085)
        hh = H * rng.uniform(0.09, 0.16)
        col = HOUSE_COLOURS[i % len(HOUSE_COLOURS)]
        i += 1
        d.rectangle([x, street - hh, x + hw, street], fill=col)
        d.rectangle([x + hw * 0.9, street - hh, x + hw, street], fill=mix(col, (60, 60, 70), 0.25))
        roof = (86, 84, 92) if rng.random() < 0.7 else (150, 80, 62)
        if rng.random() < 0.55:
            d.polygon([(x - hw * 0.04, street - hh), (x + hw * 0.5, street - hh - H * 0.05),
                       (x + hw * 1.04, street - hh)], fill=roof)
        else:
            d.polygon([(x - hw * 0.03, street - hh), (x + hw * 1.03, street - hh),
                       (x + hw * 0.92, street - hh - H * 0.035),
                       (x + hw * 0.08, street - hh - H * 0.035)], fill=roof)
        cxh = x + hw * rng.uniform(0.15, 0.75)
        d.rectangle([cxh, street - hh - H * 0.055, cxh + hw * 0.1, street - hh - H * 0.02],
                    fill=mix(col, (90, 80, 80), 0.5))
        rows = 2 if hh < H * 0.12 else 3
        cols = 2 if hw < W * 0.065 else 3
        for r in range(rows):
            for c in range(cols):
                wx = x + hw * (0.15 + c * 0.72 / cols)
                wy = street - hh + hh * (0.12 + r * 0.8 / rows)
                d.rectangle([wx, wy, wx + hw * 0.14, wy + hh * 0.16], fill=(250, 248, 240))
                d.rectangle([wx + 2, wy + 2, wx + hw * 0.14 - 2, wy + hh * 0.16 - 2],
                            fill=(60, 78, 96))
        x += hw + W * rng.uniform(0.0, 0.006)

    # quay wall with stone courses
    d.rectangle([-10, street, W * 0.76, wl], fill=(150, 140, 124))
    d.rectangle([-10, street, W * 0.76, street + H * 0.008], fill=(196, 186, 170))
    for k in range(5):
        y = street + H * 0.012 + k * (wl - street) / 5
        d.line([(-10, y), (W * 0.76, y)], fill=(122, 112, 100), width=max(1, int(H * 0.002)))
        off = rng.uniform(0, W * 0.03)
        for xx in range(int(off), int(W * 0.76), int(W * 0.03)):
            d.line([(xx, y), (xx, y + (wl - street) / 5)], fill=(126, 116, 104), width=max(1, int(W * 0.0008)))
    # bollards and a ladder
    for bx in (W * 0.12, W * 0.33, W * 0.55):
        d.rectangle([bx, street - H * 0.012, bx + W * 0.008, street], fill=(40, 40, 44))
    d.line([(W * 0.45, street), (W * 0.45, wl)], fill=(70, 60, 50), width=max(2, int(W * 0.0015)))
    d.line([(W * 0.46, street), (W * 0.46, wl)], fill=(70, 60, 50), width=max(2, int(W * 0.0015)))

    # breakwater with a small lighthouse at its end
    d.polygon([(W * 0.74, wl), (W * 0.74, H * 0.575), (W * 0.97, H * 0.567), (W * 0.985, wl)],
              fill=(132, 124, 114))
    d.line([(W * 0.74, H * 0.575), (W * 0.97, H * 0.567)], fill=(180, 172, 160), width=max(2, int(H * 0.003)))
    lx = W * 0.945
    d.polygon([(lx - W * 0.009, H * 0.568), (lx + W * 0.009, H * 0.568), (lx + W * 0.006, H * 0.47),
               (lx - W * 0.006, H * 0.47)], fill=(244, 242, 236))
    d.polygon([(lx - W * 0.008, H * 0.53), (lx + W * 0.008, H * 0.53), (lx + W * 0.007, H * 0.505),
               (lx - W * 0.007, H * 0.505)], fill=(190, 50, 50))
    d.rectangle([lx - W * 0.008, H * 0.455, lx + W * 0.008, H * 0.47], fill=(60, 60, 60))
    d.pieslice([lx - W * 0.008, H * 0.445, lx + W * 0.008, H * 0.465], 180, 360, fill=(190, 50, 50))

    # water: a rippled mirror of the scene above, tinted
    above = img.crop((0, max(0, 2 * wl - H), W, wl)).transpose(Image.FLIP_TOP_BOTTOM)
    above = wave_shift(above, rng, W * 0.006, H * 0.012, band=4)
    water = vgrad(W, H - wl, [(0.0, (70, 118, 128)), (1.0, (30, 64, 80))])
    water = Image.blend(water, above.resize(water.size), 0.45)
    img.paste(water, (0, wl))
    ripples = new_mask(img.size)
    rd = ImageDraw.Draw(ripples)
    for _ in range(1600):
        depth = rng.random()
        y = wl + 4 + depth * (H - wl)
        x = rng.uniform(0, W)
        ln = W * (0.004 + 0.025 * depth) * rng.uniform(0.4, 1.0)
        rd.line([(x, y), (x + ln, y)], fill=int(110 * rng.uniform(0.3, 1.0)),
                width=max(1, int(H * 0.0016 * (1 + depth))))
    img = add_light(img, ripples, (190, 220, 226))
    dark = new_mask(img.size)
    dd = ImageDraw.Draw(dark)
    for _ in range(900):
        depth = rng.random()
        y = wl + 4 + depth * (H - wl)
        x = rng.uniform(0, W)
        ln = W * (0.006 + 0.03 * depth) * rng.uniform(0.4, 1.0)
        dd.line([(x, y), (x + ln, y)], fill=int(90 * rng.uniform(0.3, 1.0)),
                width=max(1, int(H * 0.002 * (1 + depth))))
    img = paint(img, dark, (20, 50, 64))

    # boats, far to near, each with its own reflection
    img = img.convert("RGBA")
    boats = [(W * 0.62, H * 0.66, W * 0.13, (40, 80, 150)),
             (W * 0.20, H * 0.68, W * 0.15, (196, 52, 46)),
             (W * 0.86, H * 0.73, W * 0.17, (236, 236, 228)),
             (W * 0.42, H * 0.80, W * 0.24, (44, 120, 96)),
             (W * 0.10, H * 0.90, W * 0.22, (240, 190, 50))]
    for bx, by, s, hull in boats:
        layer = draw_boat(img.size, bx, by, s, hull, rng)
        img = Image.alpha_composite(img, reflect_layer(layer, by + s * 0.04, rng, 0.45, s * 0.02))
        img = Image.alpha_composite(img, layer)
    img = img.convert("RGB")

    # buoys and gulls
    d = ImageDraw.Draw(img)
    for bx, by in ((W * 0.32, H * 0.70), (W * 0.70, H * 0.86), (W * 0.54, H * 0.64)):
        r = W * 0.006 * (by / H) * 1.6
        d.ellipse([bx - r, by - r, bx + r, by + r], fill=(244, 110, 40))
        d.line([(bx - r * 1.4, by + r), (bx + r * 1.4, by + r)], fill=(220, 236, 236), width=2)
    for _ in range(7):
        gx, gy = rng.uniform(W * 0.05, W * 0.95), rng.uniform(H * 0.08, H * 0.32)
        s = W * rng.uniform(0.005, 0.01)
        col = (250, 250, 250) if rng.random() < 0.5 else (80, 90, 100)
        d.line([(gx - s, gy - s * 0.2), (gx - s * 0.4, gy - s * 0.5), (gx, gy)], fill=col, width=3)
        d.line([(gx, gy), (gx + s * 0.4, gy - s * 0.5), (gx + s, gy - s * 0.2)], fill=col, width=3)

    # warm morning light from the left
    morning = new_mask(img.size)
    ImageDraw.Draw(morning).ellipse([-W * 0.4, -H * 0.6, W * 0.5, H * 0.7], fill=70)
    img = add_light(img, morning.filter(ImageFilter.GaussianBlur(W * 0.1)), (255, 200, 140))
    return vignette(img, 0.25)


# --------------------------------------------------------------------------
# Picture 3: close-up of a Fresnel lens around the lamp (4:5)
# --------------------------------------------------------------------------

def lamp_lens(W, H, rng):
    img = vgrad(W, H, [(0.0, (22, 30, 60)), (0.5, (16, 16, 28)), (1.0, (8, 8, 12))])
    # storm panes behind the lens: diagonal astragals against the dusk sky
    d = ImageDraw.Draw(img)
    step = W * 0.16
    for k in range(-10, 14):
        x0 = k * step
        d.line([(x0, 0), (x0 + H * 0.6, H * 0.6)], fill=(10, 10, 18), width=int(W * 0.012))
        d.line([(x0 + H * 0.6, 0), (x0, H * 0.6)], fill=(10, 10, 18), width=int(W * 0.012))
    # the room fades to dark below the window line
    fade = Image.new("L", (1, H))
    fade.putdata([int(255 * min(1.0, max(0.0, (y / H - 0.35) / 0.3))) for y in range(H)])
    img = paint(img, fade.resize((W, H)), (12, 10, 12))

    cx, cy = W * 0.5, H * 0.47
    px0, px1, py0, py1 = W * 0.17, W * 0.83, H * 0.10, H * 0.86

    lens = Image.new("RGB", (W, H), (26, 22, 18))
    ld = ImageDraw.Draw(lens)
    rmax = math.hypot(px1 - cx, py1 - cy) + 10
    ring_w = W * 0.036
    rings = []                                # (inner radius, width) from the centre out
    r = W * 0.045
    while r < rmax:
        wdt = ring_w * (0.9 + 0.2 * rng.random())
        rings.append((r, wdt))
        r += wdt
    # paint outermost first so each smaller disc sits on top of the larger ones
    for k in range(len(rings) - 1, -1, -1):
        r, wdt = rings[k]
        hot = max(0.0, 1.0 - r / (W * 0.75))
        dark = mix((30, 22, 16), (92, 62, 26), hot)
        bright = mix((132, 100, 60), (255, 206, 128), hot)
        if k % 3 == 2:
            bright = mix(bright, (150, 178, 210), 0.35)   # cool glint from the window
        steps = 24
        for s in range(steps, 0, -1):
            rr = r + wdt * s / steps
            t = (1 - s / steps) ** 2.2
            ld.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=mix(dark, bright, t))
        ld.ellipse([cx - r - wdt, cy - r - wdt, cx + r + wdt, cy + r + wdt],
                   outline=mix(dark, (16, 12, 8), 0.5), width=max(2, int(W * 0.0015)))
    # the central bull's-eye
    steps = 30
    for s in range(steps, 0, -1):
        rr = W * 0.045 * s / steps
        ld.ellipse([cx - rr, cy - rr, cx + rr, cy + rr],
                   fill=mix((255, 250, 230), (255, 200, 120), s / steps))
    panel = new_mask(img.size)
    ImageDraw.Draw(panel).rounded_rectangle([px0, py0, px1, py1], radius=W * 0.02, fill=255)
    img = Image.composite(lens, img, panel)

    # diagonal sheen across the glass
    sheen = new_mask(img.size)
    ImageDraw.Draw(sheen).polygon([(px0, py0 + H * 0.10), (px0 + W * 0.10, py0),
                                   (px1, py1 - H * 0.30), (px1 - W * 0.05, py1 - H * 0.22)],
                                  fill=38)
    sheen = ImageChops.multiply(sheen.filter(ImageFilter.GaussianBlur(W * 0.03)), panel)
    img = add_light(img, sheen, (220, 235, 255))

    # brass frame: vertical stiles and horizontal rails
    d = ImageDraw.Draw(img)

    def brass_bar(box, vertical):
        x0, y0, x1, y1 = box
        n = int((x1 - x0) if vertical else (y1 - y0))
        for i in range(n):
            t = i / max(1, n - 1)
            c = ramp([(0.0, (70, 50, 20)), (0.35, (214, 170, 86)), (0.55, (250, 222, 150)),
                      (1.0, (90, 64, 26))], t)
            if vertical:
                d.line([(x0 + i, y0), (x0 + i, y1)], fill=c)
            else:
                d.line([(x0, y0 + i), (x1, y0 + i)], fill=c)

    bar = W * 0.028
    brass_bar((px0 - bar * 0.5, py0 - bar, px0 + bar * 0.5, py1 + bar), True)
    brass_bar((px1 - bar * 0.5, py0 - bar, px1 + bar * 0.5, py1 + bar), True)
    for y in (py0, cy - W * 0.31, cy + W * 0.31, py1):
        brass_bar((px0 - bar * 0.5, y - bar * 0.35, px1 + bar * 0.5, y + bar * 0.35), False)
    # rivets
    for y in (py0, cy - W * 0.31, cy + W * 0.31, py1):
        for x in (px0, px1):
            rr = bar * 0.18
            d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=(255, 236, 180))

    # pedestal below the lens
    d.polygon([(W * 0.24, H * 0.885), (W * 0.76, H * 0.885), (W * 0.86, H), (W * 0.14, H)],
              fill=(40, 30, 20))
    brass_bar((W * 0.20, H * 0.875, W * 0.80, H * 0.895), False)

    # the lamp glowing through the lens, plus a faint flare
    img = add_light(img, radial_mask(img.size, (cx, cy), W * 0.06, 255), (255, 250, 225))
    img = add_light(img, radial_mask(img.size, (cx, cy), W * 0.20, 110), (255, 190, 100))
    img = add_light(img, radial_mask(img.size, (cx, cy), W * 0.50, 40), (255, 160, 80))
    for t, rr, a in ((0.35, 0.03, 60), (0.6, 0.055, 40), (0.85, 0.02, 70), (1.1, 0.07, 30)):
        fx, fy = cx + (W * 0.28) * t, cy + (H * 0.26) * t
        img = add_light(img, radial_mask(img.size, (fx, fy), W * rr, a, blur=W * rr * 0.3),
                        (170, 210, 255))
    return vignette(img, 0.5)


# --------------------------------------------------------------------------

DRAW = {"lighthouse-dusk": lighthouse_dusk, "harbour-boats": harbour_boats,
        "lamp-lens": lamp_lens}


def size_for(width, aspect):
    aw, ah = aspect
    return width, int(round(width * ah / aw))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "public", "images")
    os.makedirs(out, exist_ok=True)
    for idx, (name, aspect) in enumerate(PICTURES.items()):
        rng = random.Random(SEED + idx)
        big = size_for(max(WIDTHS) * SUPERSAMPLE, aspect)
        picture = DRAW[name](big[0], big[1], rng)
        picture = dither(picture, rng, 3)
        for w in WIDTHS:
            size = size_for(w, aspect)
            path = os.path.join(out, "%s-%d.jpg" % (name, w))
            picture.resize(size, Image.LANCZOS).save(
                path, "JPEG", quality=QUALITY, progressive=True, optimize=True)
            print("%s  %dx%d  %d bytes" % (os.path.relpath(path), size[0], size[1],
                                             os.path.getsize(path)))


if __name__ == "__main__":
    main()
