"""cmi5 (the xAPI profile for launched content): what the LMS side of it decides, without I/O."""
