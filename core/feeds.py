"""What every feed of the portal (RSS, Atom, iCalendar) needs from the kernel."""

import re

# Characters XML 1.0 cannot carry (Django's feed generator refuses them, which would be a 500).
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry, so a pasted control character never breaks a feed."""
    return XML_FORBIDDEN.sub("", text)
