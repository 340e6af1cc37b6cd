"""Use cases of the LRS, one transaction each; who may do what is decided here."""
