"""WCAG contrast between CSS colours as the browser computes them (`rgb()` / `rgba()`)."""

from __future__ import annotations

import re

RGB = tuple[float, float, float]
RGBA = tuple[float, float, float, float]

# WCAG 2.x: 4.5:1 for normal text (1.4.3), 3:1 for graphics such as arrows (1.4.11).
TEXT_MIN_CONTRAST = 4.5
GRAPHICS_MIN_CONTRAST = 3.0

_CSS_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)")


def parse_css_colour(value: str) -> RGBA:
    """Parse a computed colour such as `rgba(213, 216, 226, 0.82)`."""
    match = _CSS_RGB.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not a computed rgb()/rgba() colour: {value!r}")
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha) if alpha is not None else 1.0


def over(colour: str, backdrop: RGB) -> RGB:
    """What a possibly translucent colour looks like painted over an opaque backdrop."""
    red, green, blue, alpha = parse_css_colour(colour)
    return (
        red * alpha + backdrop[0] * (1 - alpha),
        green * alpha + backdrop[1] * (1 - alpha),
        blue * alpha + backdrop[2] * (1 - alpha),
    )


def backdrop_of(backgrounds_outermost_first: list[str]) -> RGB:
    """The opaque colour behind an element, from its ancestors' backgrounds on a white canvas."""
    colour: RGB = (255.0, 255.0, 255.0)
    for background in backgrounds_outermost_first:
        colour = over(background, colour)
    return colour


def _luminance(colour: RGB) -> float:
    def linear(channel: float) -> float:
        srgb = channel / 255
        return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio, from 1 (same colour) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(colour: RGB) -> bool:
    """True for backgrounds a dark palette uses (closer to black than to white)."""
    return contrast_ratio(colour, (0.0, 0.0, 0.0)) < contrast_ratio(colour, (255.0, 255.0, 255.0))
