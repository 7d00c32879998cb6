/** Size limits of dataset import. Each parser takes them as an option so tests can use small ones. */
export interface ImportLimits {
  /** The largest file accepted, in bytes. */
  maxFileBytes: number
  /** The longest single value (a CSV cell, a JSON string) accepted, in characters. */
  maxFieldChars: number
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxFieldChars: 1_000_000,
}

/** How many mapped rows the import preview shows. */
export const PREVIEW_ROWS = 10
