"""`python -m lms.people web|relay|worker|migrate|import FILE [--dry-run]`."""

import sys

from lms.kit.service import main
from lms.people.definition import DEFINITION

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
