"""`python -m app.cli`: the `trigger` command run from a checkout."""

import sys

from app.cli import main

sys.exit(main())
