"""The clerks' side of the register of cultural institutions, one module per subdomain.

`register` (legal acts, registration files, the add-only book, the institutions), `supervision` (directors,
financial statements, inspections, subsidies), `reorganisation` (plans) and `extracts` (requests for odpisy).
Importing the modules registers their admin classes.
"""

from institutions.admin import extracts, register, reorganisation, supervision

__all__ = ["extracts", "register", "reorganisation", "supervision"]
