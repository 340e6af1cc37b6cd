"""`python -m lms.records web|relay|consume|worker|forward|migrate|dlq`."""

import sys

from lms.kit.service import main
from lms.records.definition import DEFINITION

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
