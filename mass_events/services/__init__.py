"""Every state change of mass-event permits and notifications, one module per case type.

`permits` (u.b.i.m.: receiving an application, its workflow's guards and effects, the public calendar),
`notifications` (u.o.p.d.k. art. 34–37) and `common` (the duty's error and what both tell the organiser). Views,
admin actions, commands and tests import the function from its module.
"""
