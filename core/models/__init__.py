from core.models.base import TimeStampedModel
from core.models.feedback import Feedback
from core.models.site import DepartmentDuty, DepartmentProfile, StaticPage

__all__ = ["DepartmentDuty", "DepartmentProfile", "Feedback", "StaticPage", "TimeStampedModel"]
