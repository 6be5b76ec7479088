from monitoring.models.mentions import (
    BROADCAST_MEDIA,
    CityUnit,
    MediaMention,
    Medium,
    PressCorrection,
    correction_length,
)
from monitoring.models.reviews import REVIEW_EXCERPT_MAX_CHARS, PressReview
from monitoring.models.sources import KeywordRule, MonitoredSource, SourceItem, WatchedHost

__all__ = [
    "BROADCAST_MEDIA",
    "CityUnit",
    "KeywordRule",
    "MediaMention",
    "Medium",
    "MonitoredSource",
    "PressCorrection",
    "PressReview",
    "REVIEW_EXCERPT_MAX_CHARS",
    "SourceItem",
    "WatchedHost",
    "correction_length",
]
