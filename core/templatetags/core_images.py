from django import template

from core.public_images import picture_sources

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, sizes="100vw", css_class=""):
    """Render a PublicImage as <picture> with WebP and JPEG sources and its alternative text.

    A withheld image (a press photo under embargo) renders nothing: it has no public address yet.
    """
    if image is None or image.withheld:
        return {"image": None}
    return {"image": image, "sizes": sizes, "css_class": css_class, **picture_sources(image)}
