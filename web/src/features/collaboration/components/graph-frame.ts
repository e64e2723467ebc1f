/** The loading canvas's height (px): about what a small team's graph takes. */
export const SKELETON_HEIGHT = 440

/**
 * The canvas's height for a layout this tall: enough to read the cards at about their size, but
 * never more than most of the window, so the table below still shows where it starts.
 */
export function canvasHeight(layoutHeight: number) {
  const px = Math.round(Math.min(760, Math.max(360, layoutHeight * 0.9 + 120)))
  return `min(${px}px, 78vh)`
}
