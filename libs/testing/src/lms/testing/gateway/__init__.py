"""Test helpers: stand-ins for the three services and servers to run them (or fail) on free ports."""
