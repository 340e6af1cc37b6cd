from lms.curriculum.db import metadata
from lms.kit.migrations import run_env

run_env(metadata)
