"""The xAPI resources at /xapi: each view reads the request, calls one use case and answers."""
