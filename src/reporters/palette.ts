import pc from 'picocolors';

/** The colour functions a text formatter uses; with colour off each is the identity. */
export type Palette = ReturnType<typeof pc.createColors>;

/** A palette with colour on or off (picocolors' own detection reads `process`; the kit decides from `CliIo`). */
export function createPalette(enabled: boolean): Palette {
  return pc.createColors(enabled);
}

/** The palette without colour, for files, errors and snapshots. */
export const PLAIN: Palette = createPalette(false);
