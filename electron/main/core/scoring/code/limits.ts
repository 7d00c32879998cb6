import { z } from 'zod'

/**
 * Per-call limits of a code scorer. A fresh QuickJS runtime is made for every call, so the memory limit
 * is the whole budget of one call (the runtime's own ~200 KB included), not a share of a long-lived heap.
 */
export const sandboxLimitsSchema = z.object({
  /** Wall time for one call: evaluating the source, calling the scorer and reading its result. */
  timeMs: z.number().int().min(1).max(10_000).default(250),
  memoryBytes: z
    .number()
    .int()
    .min(1024 * 1024)
    .max(512 * 1024 * 1024)
    .default(16 * 1024 * 1024),
  /**
   * Deep recursion must end as QuickJS's "stack overflow" error before it overflows the host's own stack
   * (at 512 KB a recursive scorer crashed V8's stack first; 256 KB gives a clean error).
   */
  stackBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 1024)
    .default(256 * 1024),
})
export type SandboxLimits = z.output<typeof sandboxLimitsSchema>

export const defaultSandboxLimits: SandboxLimits = sandboxLimitsSchema.parse({})

/** How long the host may spend reading an error or result value after the scorer's own deadline. */
export const graceMs = 50
