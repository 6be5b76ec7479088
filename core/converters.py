"""The `<token:…>` path converter of every private link (a case's tracking page, a grant-offer draft, an
unsubscribe link).

Tokens are URL-safe text: `secrets.token_urlsafe` (letters, digits, "-", "_") or a signed value of
`django.core.signing` (also "." and ":"). Anything else — a NUL, a control character, a byte that is not
UTF-8 (it stays percent-encoded in the path), an over-long value — does not match, so the resolver
answers 404 before any view or database query sees it (PostgreSQL refuses a NUL in a query parameter
with an error, which used to surface as a 500).
"""

from django.urls import register_converter

TOKEN_MAX_LENGTH = 200


class TokenConverter:
    regex = f"[A-Za-z0-9_.:-]{{1,{TOKEN_MAX_LENGTH}}}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(TokenConverter, "token")
