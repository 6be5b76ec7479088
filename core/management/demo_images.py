"""Demo pictures drawn at seed time: a coloured card with a title, uploaded like a clerk's JPEG.

No files are shipped and nothing is downloaded: Pillow draws a 960×540 card, and the card goes through the same
upload pipeline as a photo added in the admin (content check, re-encoding, WebP and JPEG renditions).
"""

import io
import textwrap

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

SIZE = (960, 540)
# Calm, dark backgrounds: white text on them has a contrast ratio above 7:1.
PALETTE = ("#1d3557", "#5a189a", "#1b4332", "#7f1d1d", "#0f4c5c", "#3d2c8d", "#374151", "#7c2d12")
FONT_PATHS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf")


def _font(size: int):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def demo_card(title: str, *, caption: str = "", index: int = 0) -> SimpleUploadedFile:
    """A JPEG upload showing `title` (and a smaller `caption`) on a card of the `index`-th palette colour."""
    background = PALETTE[index % len(PALETTE)]
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, SIZE[0] - 40, SIZE[1] - 40), outline="#ffffff", width=4)
    draw.rectangle((40, 40, 64, SIZE[1] - 40), fill="#f4c430")
    y = 110
    for line in textwrap.wrap(title, width=30)[:4]:
        draw.text((100, y), line, font=_font(46), fill="#ffffff")
        y += 62
    if caption:
        draw.text((100, SIZE[1] - 110), caption, font=_font(26), fill="#f1f1f1")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile(f"demo-{index}.jpg", buffer.getvalue(), content_type="image/jpeg")
