from press.models.conferences import DEFAULT_ACCREDITATION_HOURS_BEFORE, Accreditation, PressConference
from press.models.letters import (
    LetterKind,
    LetterOccasion,
    LetterTemplate,
    OccasionalLetter,
    OccasionalLetterVersion,
)
from press.models.media import DistributionLogEntry, MediaContact, MediaList, MediaOutlet
from press.models.releases import (
    PhotoLicence,
    PressRelease,
    PressReleaseCorrection,
    ReleaseAttachment,
    ReleasePhoto,
    Topic,
)
from press.models.social import SocialChannel, SocialPost

__all__ = [
    "DEFAULT_ACCREDITATION_HOURS_BEFORE",
    "Accreditation",
    "DistributionLogEntry",
    "LetterKind",
    "LetterOccasion",
    "LetterTemplate",
    "MediaContact",
    "MediaList",
    "MediaOutlet",
    "OccasionalLetter",
    "OccasionalLetterVersion",
    "PhotoLicence",
    "PressConference",
    "PressRelease",
    "PressReleaseCorrection",
    "ReleaseAttachment",
    "ReleasePhoto",
    "SocialChannel",
    "SocialPost",
    "Topic",
]
