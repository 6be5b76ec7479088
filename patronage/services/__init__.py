"""Every state change of patronage applications and symbol requests, one module per case type.

`applications` (the honorary patronage, DOMAIN.md §E.1), `symbols` (consents to use the city's symbols, DOMAIN.md
§E.2) and `common` (the duty's error and the letters' heads). Views, admin actions, commands and tests import the
function from its module.
"""
