import { z } from 'zod'

/** Stable identifiers are opaque strings made in the core (prefix + random); never row numbers. */
export const idSchema = z.string().min(1).max(64)
export const isoTimeSchema = z.string().min(1)
