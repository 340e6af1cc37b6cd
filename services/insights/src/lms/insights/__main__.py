"""`python -m lms.insights web|relay|consume|worker|migrate|dlq`."""

import sys

from lms.insights.definition import DEFINITION
from lms.kit.service import main

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
