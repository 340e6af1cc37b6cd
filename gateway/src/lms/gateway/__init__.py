"""The gateway: one entry point that authenticates, limits, routes and documents.

It holds no business rules: the services behind it own their data and authorise every call.
"""
