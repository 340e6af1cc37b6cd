"""`python -m lms.progress web|relay|consume|worker|deliver|schedule|rebuild|migrate|dlq`."""

import sys

from lms.kit.service import main
from lms.progress.definition import DEFINITION

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
