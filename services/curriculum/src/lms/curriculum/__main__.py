"""`python -m lms.curriculum web|relay|consume|worker|migrate|dlq`."""

import sys

from lms.curriculum.definition import DEFINITION
from lms.kit.service import main

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
