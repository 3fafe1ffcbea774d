"""What a person below a face is wearing: colours, pattern and a chest badge, as a small descriptor.

A school uniform is the same outfit on the same child on school mornings. No offline
clothing model ships in a package here, so this describes the torso with plain signals that
can be compared between photos:

- the torso region below each face, scaled by the face box (about 2.5 face widths wide,
  from just under the chin to about 3 face heights below), clipped to the image;
- its colours in CIELAB (perceptual: equal distances look equally different), as a coarse
  histogram and up to three dominant colours (k-means), each named from a small table of
  uniform colours ("bottle green", "navy", "maroon", "grey"), for the upper part (jumper,
  blazer) and the lower part (skirt, trousers) separately;
- a texture measure: gradient energy and stripe periodicity of the lightness;
- a crest-like badge: a small compact blob of contrasting colour on the upper chest.

:func:`describe_outfits` is a pure function of an RGB array and face boxes (working-image
pixels) returning JSON-able dicts, so it can run in a worker pool and be cached by file
hash; :func:`outfit_distance` compares two descriptors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

#: Bump when a descriptor's content changes: cached descriptors are redone.
OUTFIT_VERSION = "outfit-2"

Box = tuple[int, int, int, int]  # (top, right, bottom, left), as face boxes

#: Torso geometry in face-box units: width around the face centre, and the span below the chin.
TORSO_WIDTH = 2.5
TORSO_START = 0.15
TORSO_HEIGHT = 3.0
#: Colours and texture are read from the middle of the torso this many face widths wide:
#: a child's shoulders span about two face widths, so the sides are often background.
CORE_WIDTH = 1.7
#: Share of the torso height that is the upper garment (jumper, blazer); the rest is the lower.
UPPER_SHARE = 0.55
#: A torso cut off by the image edge to less than this share of its height is not described:
#: a face at the bottom of the frame shows no outfit.
MIN_VISIBLE = 0.45
#: Lightness the face is normalised to when the same child's outfits are compared: a photo
#: in dimmer light darkens the face and the clothes alike.
REF_FACE_L = 60.0
#: Torsos are described at the scale where the face is this wide (larger ones are shrunk).
NORM_FACE = 48
#: Faces narrower than this (working pixels) give a torso too small to describe reliably.
MIN_FACE_SIDE = 24
#: Pixels sampled per part for k-means (deterministic stride), enough for three colours
#: (1500 gave the same main colours, within 0.1 Delta E, on the test series, at more cost).
SAMPLE = 800
#: Coarse CIELAB histogram: L in 4 bins, a and b in 5 each (100 bins per part).
L_BINS, AB_BINS = 4, 5

#: Uniform colours and their sRGB; named by the nearest in CIELAB. Lightness-only names
#: (white/grey/black) win for unsaturated pixels, see :func:`colour_name`.
COLOUR_TABLE: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("white", (245, 245, 245)),
    ("light grey", (190, 190, 190)),
    ("grey", (128, 128, 128)),
    ("charcoal", (60, 60, 62)),
    ("black", (20, 20, 20)),
    ("navy", (25, 35, 90)),
    ("royal blue", (40, 70, 190)),
    ("sky blue", (120, 180, 230)),
    ("bottle green", (20, 85, 45)),
    ("green", (50, 150, 60)),
    ("light green", (150, 210, 140)),
    ("teal", (0, 120, 120)),
    ("maroon", (110, 20, 35)),
    ("red", (200, 30, 40)),
    ("pink", (235, 150, 180)),
    ("purple", (100, 40, 130)),
    ("yellow", (240, 210, 40)),
    ("gold", (190, 150, 40)),
    ("orange", (235, 120, 30)),
    ("brown", (110, 70, 40)),
    ("beige", (215, 195, 160)),
)
#: Below this chroma (sqrt(a^2 + b^2)) a colour is a shade of grey.
GREY_CHROMA = 12.0

#: Crest: a blob of a colour this far (Delta E) from the garment, this share of the chest
#: region's area, this compact (blob area / its box area) and roughly square.
CREST_DELTA_E = 25.0
CREST_AREA = (0.004, 0.08)
CREST_FILL = 0.5
CREST_ASPECT = (0.5, 2.0)
#: Contrasting spots (at least this share of the chest, off its edges) beyond this many are
#: a printed pattern: the demo's polka-dot jumper had dozens, a badge is one (two with a
#: name tag or a button beside it).
CREST_SPOT = 0.0015
CREST_MAX_SPOTS = 3
#: A badge is looked for only on a garment of mostly one colour (its main colour at least this
#: share of the upper part): on a busy pattern or a painting every blob contrasts with something.
CREST_GARMENT_SHARE = 0.5
#: ...and not busy: gradient energy (at the 48 px face scale) below this. Drawn uniforms
#: measured 0.1-0.4, clothes on the real photos (../shared/data, 17 torsos, suits and shirts)
#: 2.2-6.3, a battle painting behind a face in a museum 7.4 (where a "badge" was found).
CREST_MAX_ENERGY = 7.0


def rgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB uint8 (..., 3) to CIELAB (D65) float32 (..., 3): L 0-100, a/b about -128..127."""
    c = rgb.astype(np.float32) / 255.0
    c = np.where(c > 0.04045, ((c + 0.055) / 1.055) ** 2.4, c / 12.92)
    m = np.array(
        [
            [0.4124564, 0.3575761, 0.1804375],
            [0.2126729, 0.7151522, 0.0721750],
            [0.0193339, 0.1191920, 0.9503041],
        ],
        dtype=np.float32,
    )
    xyz = c @ m.T / np.array([0.95047, 1.0, 1.08883], dtype=np.float32)
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    lab = np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)
    return lab.astype(np.float32)


_TABLE_LAB = rgb_to_lab(np.array([rgb for _, rgb in COLOUR_TABLE], dtype=np.uint8))
_GREYS = ("white", "light grey", "grey", "charcoal", "black")


def colour_name(lab: Sequence[float] | np.ndarray) -> str:
    """The nearest name in :data:`COLOUR_TABLE`; shades of grey only for unsaturated colours."""
    lab_arr = np.asarray(lab, dtype=np.float32)
    grey = float(np.hypot(lab_arr[1], lab_arr[2])) < GREY_CHROMA
    best, best_d = "grey", float("inf")
    for (name, _), ref in zip(COLOUR_TABLE, _TABLE_LAB, strict=True):
        if (name in _GREYS) != grey:
            continue
        d = float(np.linalg.norm(ref - lab_arr))
        if d < best_d:
            best, best_d = name, d
    return best


def torso_box(face: Box, width: int, height: int) -> Box | None:
    """The torso region below ``face`` (top, right, bottom, left), clipped; None when too little shows."""
    top, right, bottom, left = face
    fw, fh = right - left, bottom - top
    if min(fw, fh) < MIN_FACE_SIDE:
        return None
    cx = (left + right) / 2
    t = bottom + TORSO_START * fh
    want_bottom = t + TORSO_HEIGHT * fh
    b = min(float(height), want_bottom)
    lft, rgt = max(0.0, cx - TORSO_WIDTH * fw / 2), min(float(width), cx + TORSO_WIDTH * fw / 2)
    if b - t < MIN_VISIBLE * TORSO_HEIGHT * fh or rgt - lft < fw:
        return None
    return int(round(t)), int(round(rgt)), int(round(b)), int(round(lft))


def _kmeans(points: np.ndarray, k: int = 3, rounds: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic k-means: centres seeded at lightness quantiles. Returns (centres, shares)."""
    order = np.argsort(points[:, 0], kind="stable")
    seeds = [points[order[int(q * (len(order) - 1))]] for q in np.linspace(0.1, 0.9, k)]
    centres = np.array(seeds, dtype=np.float32)
    labels = np.zeros(len(points), dtype=np.int64)
    for _ in range(rounds):
        d = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        labels = d.argmin(axis=1)
        counts = np.bincount(labels, minlength=k)
        for c in range(3):
            sums = np.bincount(labels, weights=points[:, c], minlength=k)
            centres[:, c] = np.where(counts > 0, sums / np.maximum(counts, 1), centres[:, c])
    shares = np.bincount(labels, minlength=k).astype(np.float32) / max(1, len(points))
    return centres, shares


def _merge(centres: np.ndarray, shares: np.ndarray, within: float = 10.0) -> list[tuple[np.ndarray, float]]:
    """Centres closer than ``within`` Delta E are one colour (k=3 on a plain jumper splits it)."""
    items = sorted(zip(centres, shares, strict=True), key=lambda cs: -float(cs[1]))
    out: list[tuple[np.ndarray, float]] = []
    for c, s in items:
        if s <= 0:
            continue
        for i, (oc, os_) in enumerate(out):
            if float(np.linalg.norm(oc - c)) < within:
                out[i] = ((oc * os_ + c * s) / (os_ + s), os_ + float(s))
                break
        else:
            out.append((c, float(s)))
    return out


def _histogram(lab: np.ndarray) -> list[float]:
    # Out-of-range colours (a light-normalised white above L 100) count in the edge bins.
    flat = np.clip(lab.reshape(-1, 3), (0.0, -79.9, -79.9), (99.9, 79.9, 79.9))
    hist, _ = np.histogramdd(flat, bins=(L_BINS, AB_BINS, AB_BINS), range=((0, 100), (-80, 80), (-80, 80)))
    total = hist.sum()
    return [round(float(v), 4) for v in (hist / total if total else hist).ravel()]


def exposure(lab: np.ndarray, c: float) -> np.ndarray:
    """``lab`` as it would look with the light multiplied by ``c ** 3``: a uniform change of
    exposure scales (L + 16, a, b) by its cube root (CIELAB's f(Y) = Y^(1/3))."""
    out = lab * np.float32(c)
    out[..., 0] = (lab[..., 0] + 16) * np.float32(c) - 16
    return out


def _part(lab: np.ndarray, light: float) -> dict[str, Any]:
    """Colours of one garment region; the histogram is of the colours as if the face's
    lightness were :data:`REF_FACE_L` (the same child's photos under other light compare)."""
    flat = lab.reshape(-1, 3)
    step = max(1, len(flat) // SAMPLE)
    centres, shares = _kmeans(flat[::step])
    colours = [
        {"name": colour_name(c), "lab": [round(float(v), 1) for v in c], "share": round(s, 3)}
        for c, s in _merge(centres, shares)
        if s >= 0.08
    ]
    return {"colours": colours, "hist": _histogram(exposure(lab, (REF_FACE_L + 16) / (light + 16)))}


def texture(lightness: np.ndarray) -> dict[str, float]:
    """Gradient energy (mean |gradient| of L, 0 for a flat colour) and stripe strength (0-1:
    how much of the row or column profile's variation is one periodic component)."""
    gy, gx = np.gradient(lightness.astype(np.float32))
    energy = float(np.mean(np.hypot(gx, gy)))
    stripes = 0.0
    for profile in (lightness.mean(axis=1), lightness.mean(axis=0)):
        p = profile - profile.mean()
        if len(p) < 16 or float(np.abs(p).max()) < 4.0:
            continue
        spectrum = np.abs(np.fft.rfft(p))[2:]  # skip the mean and the slowest shading
        if spectrum.sum() > 0:
            stripes = max(stripes, float(spectrum.max() / spectrum.sum()))
    return {"energy": round(energy, 2), "stripes": round(stripes, 3)}


def find_crest(lab: np.ndarray, garment: Sequence[float]) -> dict[str, Any] | None:
    """A small compact blob of contrasting colour on the chest (``lab``: the upper chest),
    away from the region's edges (a collar, an arm or the background touch an edge)."""
    import cv2

    h, w = lab.shape[:2]
    if h < 8 or w < 8:
        return None
    diff = np.linalg.norm(lab - np.asarray(garment, dtype=np.float32), axis=2)
    mask = (diff > CREST_DELTA_E).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    # Many spots inside the chest are a print (dots, flowers, letters), not one badge.
    spots = sum(
        1
        for x, y, bw, bh, area in stats[1:]
        if area >= CREST_SPOT * h * w and x > 0 and y > 0 and x + bw < w and y + bh < h
    )
    if spots > CREST_MAX_SPOTS:
        return None
    best: dict[str, Any] | None = None
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        share = area / float(h * w)
        if not CREST_AREA[0] <= share <= CREST_AREA[1]:
            continue
        if x == 0 or y == 0 or x + bw >= w or y + bh >= h:
            continue
        fill = area / float(bw * bh)
        aspect = bw / float(bh)
        if fill < CREST_FILL or not CREST_ASPECT[0] <= aspect <= CREST_ASPECT[1]:
            continue
        contrast = float(diff[labels == i].mean())
        score = round(min(1.0, fill * min(1.0, contrast / 50.0)), 3)
        if best is None or score > best["score"]:
            colour = lab[labels == i].mean(axis=0)
            best = {"box": [y, x + bw, y + bh, x], "score": score, "colour": colour_name(colour)}
    return best


def describe_outfit(rgb: np.ndarray, face: Box) -> dict[str, Any] | None:
    """One face's outfit descriptor (JSON-able), or None when too little torso shows.

    ``box`` (the torso) and the crest's ``box`` are (top, right, bottom, left) in the pixels
    of ``rgb``, like ``face``."""
    height, width = rgb.shape[:2]
    box = torso_box(face, width, height)
    if box is None:
        return None
    t, r, b, lft = box
    fw, fh = face[1] - face[3], face[2] - face[0]
    # Described at a fixed scale (the face NORM_FACE px wide): the cost per face is the same
    # for a close-up and a group photo, and texture energy compares across distances.
    k = min(1.0, NORM_FACE / fw)
    region = rgb[t:b, lft:r, :3]
    if k < 1.0:
        import cv2

        size = (max(1, round((r - lft) * k)), max(1, round((b - t) * k)))
        region = cv2.resize(np.ascontiguousarray(region), size, interpolation=cv2.INTER_AREA)
    lab = rgb_to_lab(region)
    # The face's lightness (its middle half: skin, not hair or background) measures the light.
    ft, fr, fb, fl = face
    core = rgb[ft + fh // 4 : fb - fh // 4, fl + fw // 4 : fr - fw // 4, :3]
    light = float(rgb_to_lab(core)[..., 0].mean()) if core.size else REF_FACE_L
    light = max(5.0, light)
    split = min(max(1, round(TORSO_HEIGHT * UPPER_SHARE * fh * k)), lab.shape[0] - 1)
    cx = ((face[1] + face[3]) / 2 - lft) * k
    c0, c1 = max(0, int(cx - CORE_WIDTH * fw * k / 2)), int(cx + CORE_WIDTH * fw * k / 2)
    upper, lower = lab[:split, c0:c1], lab[split:, c0:c1]
    up = _part(upper, light)
    low = _part(lower, light) if lower.shape[0] >= 4 else {"colours": [], "hist": []}
    out: dict[str, Any] = {
        "version": OUTFIT_VERSION,
        "box": [t, r, b, lft],
        "face_l": round(light, 1),
        "upper": up,
        "lower": low,
        "texture": texture(upper[..., 0]),
        "crest": None,
    }
    plain = up["colours"] and up["colours"][0]["share"] >= CREST_GARMENT_SHARE
    if plain and out["texture"]["energy"] < CREST_MAX_ENERGY:
        # The chest: the top half of the upper garment, inside the shoulders.
        chest = upper[: max(8, split // 2)]
        crest = find_crest(chest, up["colours"][0]["lab"])
        if crest is not None:  # in image pixels, like every other box
            ct, cr, cb, cl = crest["box"]
            crest["box"] = [
                t + round(ct / k),
                lft + round((c0 + cr) / k),
                t + round(cb / k),
                lft + round((c0 + cl) / k),
            ]
        out["crest"] = crest
    return out


def describe_outfits(rgb: np.ndarray, faces: Sequence[Box]) -> list[dict[str, Any] | None]:
    """Descriptors for each face box (working-image pixels) of one RGB uint8 image."""
    arr = np.ascontiguousarray(np.asarray(rgb)[..., :3])
    return [describe_outfit(arr, tuple(int(v) for v in f)) for f in faces]  # type: ignore[arg-type]


def describe_media(rgb: np.ndarray, faces: Sequence[Mapping[str, Any]], scale: float) -> dict[str, Any]:
    """The outfit step of one photo, shaped as an image task that needs the faces task:
    ``faces`` are face records as JSON (``box`` in original pixels, ``encoding``), ``scale``
    maps working pixels (``rgb``) to original ones. Faces too small to be encoded are not
    described (no one could say whose outfit it is). Returns
    ``{"version", "outfits": [descriptor or None, one per face]}``, boxes in working pixels."""
    boxes = [tuple(round(float(v) / scale) for v in f["box"]) for f in faces]
    wanted = [i for i, f in enumerate(faces) if f.get("encoding") is not None]
    described = describe_outfits(rgb, [boxes[i] for i in wanted])  # type: ignore[misc]
    outfits: list[dict[str, Any] | None] = [None] * len(faces)
    for i, desc in zip(wanted, described, strict=True):
        outfits[i] = desc
    return {"version": OUTFIT_VERSION, "outfits": outfits}


# --------------------------------------------------------------------------- comparing


def _colour_distance(
    a: Sequence[Mapping[str, Any]], b: Sequence[Mapping[str, Any]], ca: float = 1.0, cb: float = 1.0
) -> float:
    """Share-weighted nearest-colour Delta E, both ways, each side's light corrected by its
    factor (see :func:`exposure`); lightness counts half (light changes it most)."""
    if not a or not b:
        return 100.0
    w = np.array([0.5, 1.0, 1.0], dtype=np.float32)
    xa = exposure(np.array([x["lab"] for x in a], dtype=np.float32), ca)
    xb = exposure(np.array([x["lab"] for x in b], dtype=np.float32), cb)
    sa = np.array([float(x["share"]) for x in a], dtype=np.float32)
    sb = np.array([float(x["share"]) for x in b], dtype=np.float32)
    d = np.linalg.norm((xa[:, None, :] - xb[None, :, :]) * w, axis=2)
    one = float((sa * d.min(axis=1)).sum() / (sa.sum() or 1.0))
    two = float((sb * d.min(axis=0)).sum() / (sb.sum() or 1.0))
    return (one + two) / 2


def _hist_distance(a: Sequence[float], b: Sequence[float]) -> float:
    """1 - histogram intersection (0 same, 1 nothing in common)."""
    if not a or not b:
        return 1.0
    return 1.0 - float(np.minimum(np.asarray(a), np.asarray(b)).sum())


def outfit_distance(a: Mapping[str, Any], b: Mapping[str, Any], same_person: bool = True) -> float:
    """How different two outfits look: about 0 for the same clothes, 1 or more for different ones.

    Dominant-colour Delta E (scaled so 20 is 1.0, the upper garment weighted twice the
    lower), histogram intersection, and a texture term (plain vs patterned). For the same
    person, the face's lightness corrects for the light of each photo; for two people it
    cannot (their skin differs), so colours are compared as seen and histograms are left out.
    """
    ca, cb = (
        ((REF_FACE_L + 16) / (float(a["face_l"]) + 16), (REF_FACE_L + 16) / (float(b["face_l"]) + 16))
        if same_person
        else (1.0, 1.0)
    )
    up = _colour_distance(a["upper"]["colours"], b["upper"]["colours"], ca, cb) / 20.0
    low = _colour_distance(a["lower"]["colours"], b["lower"]["colours"], ca, cb) / 20.0
    ta, tb = a["texture"], b["texture"]
    tex = abs(float(ta["stripes"]) - float(tb["stripes"])) + min(
        1.0, abs(float(ta["energy"]) - float(tb["energy"])) / 10.0
    )
    colour = (2 * up + low) / 3
    if not same_person:
        return max(0.0, round(colour * 0.9 + tex * 0.2, 4))
    hist = (
        _hist_distance(a["upper"]["hist"], b["upper"]["hist"]) * 2
        + _hist_distance(a["lower"]["hist"], b["lower"]["hist"])
    ) / 3
    return max(0.0, round(colour * 0.6 + hist * 0.3 + tex * 0.2, 4))


def describe_in_words(desc: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    """("bottle green jumper, grey skirt or trousers", colours) for a finding's text."""
    up = [c["name"] for c in desc["upper"]["colours"]]
    low = [c["name"] for c in desc["lower"]["colours"]]
    # A periodic profile: stripes, checks or a regular print (dots) alike.
    patterned = float(desc["texture"]["stripes"]) >= 0.35
    top = (up[0] + (" patterned" if patterned else "") + " jumper") if up else "top"
    parts = [top]
    if low and (not up or low[0] != up[0]):
        parts.append(f"{low[0]} skirt or trousers")
    colours = tuple(dict.fromkeys([*up[:1], *low[:1]]))
    return ", ".join(parts), colours
