"""Self-Trust: build trust in yourself, one small kept promise at a time."""

__version__ = "0.1.0"
APP_NAME = "Self-Trust"
APP_ID = "io.github.selftrust.SelfTrust"
