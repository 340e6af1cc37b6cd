from lms.gateway.apikeys.db import metadata
from lms.kit.migrations import run_env

run_env(metadata)
