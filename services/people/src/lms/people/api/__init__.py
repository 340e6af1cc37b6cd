"""SCIM 2.0 over HTTP: thin views over the directory's use cases."""
