/** The import limits are shared by every importer (see core/imports/limits.ts); parsers take them as options. */
export { DEFAULT_LIMITS, type ImportLimits } from '../../imports/limits'

/** How many mapped rows the import preview shows. */
export const PREVIEW_ROWS = 10
