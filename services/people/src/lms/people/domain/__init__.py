"""The directory's rules: SCIM resources, PATCH, records; no framework or database."""
