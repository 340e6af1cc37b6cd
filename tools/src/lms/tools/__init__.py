"""Tools that drive the suite from outside, over HTTP: the `lms` CLI, the course importer, the demo.

They are clients like any other: they import the kit, never a service or the gateway.
"""
