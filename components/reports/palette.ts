/**
 * Okabe–Ito colours: told apart with every common colour-vision deficiency, and each series also
 * has its own label and table column, so colour is never the only cue.
 */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"] as const;

/** The heat map's one-hue scale (light to dark blue), read by lightness alone. */
export function heatColour(share: number): string {
  if (share <= 0) return "transparent";
  const lightness = Math.round(92 - share * 62);
  return `hsl(205 85% ${lightness}%)`;
}
