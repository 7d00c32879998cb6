/**
 * The size limits every importer (datasets, prompt files, production logs) applies, in one place so that a
 * file accepted by one is not refused by another. They are in the README's "Limits" table: keep it in step.
 */
export interface ImportLimits {
  /** The largest file accepted, in bytes. */
  maxFileBytes: number
  /** The longest single value (a CSV cell, a JSON string, a prompt message) accepted, in characters. */
  maxFieldChars: number
  /** The longest line of a JSON Lines file, in characters. */
  maxLineChars: number
  /** How deeply JSON arrays and objects may nest. */
  maxDepth: number
  /** The most rows (cases, calls) one file may hold. */
  maxRows: number
}

const MIB = 1024 * 1024

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * MIB,
  // Room for a 1 MiB prompt or answer written in any script, and then some.
  maxFieldChars: 4 * MIB,
  maxLineChars: 8 * MIB,
  maxDepth: 64,
  maxRows: 100_000,
}
