"""What a photo file says about the device and the person behind it, beyond location.

Serial numbers tie photos to one camera across accounts and years; owner and artist fields
carry a real name. Make and model alone only narrow things down a little.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

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
    version = "2"
    categories = ("device_metadata",)

    def analyze(self, post: Post, ctx: PostContext) -> list[Finding]:
        out: list[Finding] = []
        for i, media in enumerate(post.media):
            if media.kind != "image":
                continue
            finding = self._one(post, i, ctx)
            if finding is not None:
                out.append(finding)
        out.extend(self._export_records(post))
        return out

    def _export_records(self, post: Post) -> list[Finding]:
        """A Meta export keeps, per upload, what the photo file no longer says: the device
        and the internet address it was uploaded from (``raw["export_device"]``)."""
        out: list[Finding] = []
        paths = [Path(m.path).name for m in post.media]
        for record in post.raw.get("export_device") or ():
            if not isinstance(record, Mapping):
                continue
            parts: list[str] = []
            name = " ".join(str(record[k]) for k in ("make", "model") if record.get(k))
            if name:
                parts.append(f"the {name} it was taken with")
            if record.get("device_id"):
                parts.append("the phone's identifier")
            if record.get("upload_ip"):
                parts.append(
                    f"the internet address it was uploaded from ({record['upload_ip']}), "
                    "which roughly locates the home"
                )
            if not parts:
                continue
            reveal = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
            uri_name = PurePosixPath(str(record.get("uri") or "")).name
            index = next((i for i, p in enumerate(paths) if uri_name and p == uri_name), None)
            out.append(
                self.finding(
                    post,
                    "device_metadata",
                    "medium" if record.get("upload_ip") or record.get("device_id") else "low",
                    0.99,
                    f"Meta kept, with this upload, {reveal}; it is in your data export.",
                    media_index=index,
                    value=DeviceValue(
                        make=record.get("make"),
                        model=record.get("model"),
                        software=record.get("software"),
                        lens=record.get("lens"),
                        taken_at=record.get("taken"),
                        upload_ip=record.get("upload_ip"),
                        device_id=record.get("device_id"),
                    ),
                    evidence={"source": "export", "media": record.get("uri"), "tags": dict(record)},
                )
            )
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
        return self.finding(
            post,
            "device_metadata",
            severity,
            0.99,
            summary,
            media_index=index,
            value=value,
            evidence=evidence,
        )
