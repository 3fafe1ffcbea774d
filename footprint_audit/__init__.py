"""footprint-audit: what a stranger can learn about your child from your own posts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("footprint-audit")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+local"

from .context import AuditOptions
from .errors import AuthRequired, BadInput, ConfigError, FootprintError, RateLimited, SourceNotFound
from .models import AuditResult, Fact, Finding, Post
from .pipeline import audit

__all__ = [
    "AuditOptions",
    "AuditResult",
    "AuthRequired",
    "BadInput",
    "ConfigError",
    "Fact",
    "Finding",
    "FootprintError",
    "Post",
    "RateLimited",
    "SourceNotFound",
    "__version__",
    "audit",
]
