"""What a photo file says about the device and the person behind it, beyond location.

Serial numbers tie photos to one camera across accounts and years; owner and artist fields
carry a real name. Make and model alone only narrow things down a little.
"""

from __future__ import annotations

import re

from footprint_audit.analyzer import Analyzer
from footprint_audit.context import PostContext
from footprint_audit.findings import DeviceValue
from footprint_audit.models import Finding, Post, Severity

SERIAL_TAGS = ("BodySerialNumber", "CameraSerialNumber", "SerialNumber", "LensSerialNumber", "ImageUniqueID")
OWNER_TAGS = ("Artist", "OwnerName", "CameraOwnerName", "Copyright")
DEVICE_WORDS = ("Make", "Model", "LensMake", "LensModel", "Software", "HostComputer")
# A copyright line naming a company (game consoles, stock agencies) does not name the family.
COMPANY = re.compile(r"\b(inc|ltd|llc|gmbh|corp|corporation|co\.|entertainment|studios?|agency)\b", re.I)
TIME_TAGS = ("DateTimeOriginal", "OffsetTimeOriginal", "DateTimeDigitized", "DateTime")


def _device_name(device: dict[str, str]) -> str:
    make, model = device.get("Make", ""), device.get("Model", "")
    # Cameras often repeat the make in the model ("Canon" + "Canon EOS 40D").
    if make and model.lower().startswith(make.lower().split()[0]):
        return model
    return " ".join(x for x in (make, model) if x)


class MetadataAnalyzer(Analyzer):
    """One ``device_metadata`` finding per photo whose EXIF names a device, a person or a time."""

    name = "metadata"
    version = "1"
    categories = ("device_metadata",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        out: list[Finding] = []
        for i, media in enumerate(post.media):
            if media.kind != "image":
                continue
            finding = self._one(post, i, ctx)
            if finding is not None:
                out.append(finding)
        return out

    def _one(self, post: Post, index: int, ctx: PostContext) -> Finding | None:
        exif = ctx.exif(index)
        device = dict(exif.device)
        serials = {k: device[k] for k in SERIAL_TAGS if k in device}
        owners = {k: device[k] for k in OWNER_TAGS if k in device}
        times = {k: str(exif.tags[k]).strip("\x00 ") for k in TIME_TAGS if exif.tags.get(k)}
        if not device and exif.datetime_original is None:
            return None

        parts: list[str] = []
        name = _device_name(device)
        if name:
            parts.append(f"the {name} it was taken with")
        if serials:
            parts.append("the device's serial number" + ("s" if len(serials) > 1 else ""))
        person = next((owners[k] for k in OWNER_TAGS if k in owners and k != "Copyright"), None)
        copyright_line = owners.get("Copyright")
        if copyright_line and not person and not COMPANY.search(copyright_line):
            # Parents' cameras write "(c) Jane Smith" into every photo once set up.
            person = copyright_line
        if person:
            parts.append(f'a person\'s name ("{person}")')
        elif copyright_line:
            parts.append(f'a copyright notice ("{copyright_line}")')
        if device.get("Software"):
            parts.append(f"the software used ({device['Software']})")
        if exif.datetime_original is not None:
            parts.append("the exact time it was taken")
        severity: Severity = "medium" if serials or person else "low"

        reveal = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        summary = f"This photo's file records {reveal}."
        if serials:
            summary = summary[:-1] + ", which can link it to other photos from the same camera."

        value = DeviceValue(
            make=device.get("Make"),
            model=device.get("Model"),
            software=device.get("Software"),
            serials=tuple(serials.items()),
            owner=person,
            copyright=owners.get("Copyright"),
            lens=device.get("LensModel"),
            taken_at=exif.datetime_original.isoformat() if exif.datetime_original else None,
        )
        evidence = {
            "source": "EXIF",
            "media": post.media[index].path,
            "tags": {
                **{k: device[k] for k in (*DEVICE_WORDS, *SERIAL_TAGS, *OWNER_TAGS) if k in device},
                **times,
            },
        }
        return Finding(
            post_id=post.id,
            media_index=index,
            analyzer=self.name,
            category="device_metadata",
            severity=severity,
            confidence=0.99,
            summary=summary,
            value=value,
            evidence=evidence,
        )
