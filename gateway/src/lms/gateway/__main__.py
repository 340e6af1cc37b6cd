"""`python -m lms.gateway web|migrate`: serve the gateway (gunicorn gthread) or migrate its database."""

import sys

from lms.gateway.definition import DEFINITION
from lms.kit.service import main

if __name__ == "__main__":
    sys.exit(main(DEFINITION))
