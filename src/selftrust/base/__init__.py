"""Qt-free basics every layer may use: where the resources live and the colour palette.

Nothing here imports another part of Self-Trust, so it sits under every layer.
"""
