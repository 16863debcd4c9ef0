// What the implicit FEM page draws and where, shared with its browser test (test/web/browser.test.ts
// checks the screenshot's pixels against a CPU run of the same scheme placed by these numbers).

/** Nodes per side of the plate (N in examples/implicit_fem.py, compiled into the module). */
export const N = 12;
export const NODES = N * N;
export const TRIANGLES = 2 * (N - 1) * (N - 1);
/** The rest spacing of the nodes: node i * N + j rests at (i, j) * SPACING. */
export const SPACING = 1 / (N - 1);

/** Canvas size in pixels. */
export const WIDTH = 480;
export const HEIGHT = 560;
/** The world point drawn at the canvas's top-left corner, and pixels per world unit. */
export const VIEW = { left: -0.15, top: 1.15, scale: 300 };

/** A node's colour runs from REST (no displacement) to DEFORMED (FULL_DISPLACEMENT or more). */
export const REST: readonly [number, number, number] = [0.2, 0.45, 0.85];
export const DEFORMED: readonly [number, number, number] = [0.95, 0.55, 0.1];
export const FULL_DISPLACEMENT = 0.4;
export const BACKGROUND: readonly [number, number, number] = [0.067, 0.184, 0.255];
export const EDGE: readonly [number, number, number] = [0.05, 0.08, 0.12];
export const WALL: readonly [number, number, number] = [0.45, 0.5, 0.55];
/** The clamp the plate hangs from, drawn left of x = 0 (world units). */
export const WALL_RECT = { left: -0.08, right: 0, bottom: -0.05, top: 1.05 };

/** The pixel (fractional, y down) where world point (x, y) is drawn. */
export function toPixel(x: number, y: number): [number, number] {
  return [(x - VIEW.left) * VIEW.scale, (VIEW.top - y) * VIEW.scale];
}

/** A node's colour (0..1 channels) for its displacement from rest. */
export function nodeColour(displacement: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, displacement / FULL_DISPLACEMENT));
  return [0, 1, 2].map((c) => REST[c] + (DEFORMED[c] - REST[c]) * t) as [number, number, number];
}
