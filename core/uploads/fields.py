"""Form fields for uploads: their cleaned value is a `ValidatedFile` (sniffed, limited, re-encoded, renamed)."""

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError

from core.uploads.kinds import (
    _ACCEPT_HINTS,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_FILES,
    DEFAULT_MAX_PIXELS,
    DOCUMENT_KINDS,
    MESSAGES,
    ValidatedFile,
    _check_kinds,
)
from core.uploads.validation import validate_upload


# FORM FIELDS
# ------------------------------------------------------------------------------
class ValidatedFileField(forms.FileField):
    """A FileField whose cleaned value is a `ValidatedFile`: sniffed, limited, re-encoded, randomly named.

    An unchanged initial file (editing a ModelForm) and "clear" (False) pass through untouched.
    """

    def __init__(
        self,
        *,
        allowed_kinds: Iterable[str] = DOCUMENT_KINDS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_pixels: int = DEFAULT_MAX_PIXELS,
        **kwargs,
    ):
        self.allowed_kinds = _check_kinds(allowed_kinds)
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        # Emptiness is checked by validate_upload, with a message that names the file.
        kwargs["allow_empty_file"] = True
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ",".join(_ACCEPT_HINTS[kind] for kind in self.allowed_kinds)
        return attrs

    def validate_file(self, uploaded_file) -> "ValidatedFile":
        upload = validate_upload(
            uploaded_file, allowed_kinds=self.allowed_kinds, max_bytes=self.max_bytes, max_pixels=self.max_pixels
        )
        return upload.as_file()

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if not value or value is initial or isinstance(value, ValidatedFile):
            return value
        return self.validate_file(value)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleValidatedFileField(ValidatedFileField):
    """Several files in one input; the cleaned value is a list of `ValidatedFile` (empty when none).

    More than `max_files` files is refused before any is read; otherwise every file is checked and all
    problems are reported together, each naming its file.
    """

    widget = MultipleFileInput

    def __init__(self, *, max_files: int = DEFAULT_MAX_FILES, **kwargs):
        if max_files < 1:
            raise ValueError("max_files must be at least 1")
        self.max_files = max_files
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(
                MESSAGES["too_many_files"], code="too_many_files", params={"max": self.max_files, "count": len(files)}
            )
        cleaned, errors = [], []
        for uploaded_file in files:
            try:
                cleaned.append(super().clean(uploaded_file))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned
