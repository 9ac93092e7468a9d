"""Look and feel: palettes, the style, recoloured icons, calm scroll bars."""
