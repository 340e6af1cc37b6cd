from lms.kit.migrations import run_env
from lms.progress.db import metadata

run_env(metadata)
