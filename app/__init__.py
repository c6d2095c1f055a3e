"""The composition layer: the use cases, the `trigger` command, `trigger serve` and the settings."""
