import { z } from 'zod'

/**
 * What a code scorer receives: `(output, { vars, expected, toolCalls, metadata })`. It crosses into the
 * sandbox as one JSON string, never as host objects, so the scorer can reach nothing of the host.
 */
export const codeScorerInputSchema = z.object({
  /** The model's answer text; null when the call failed (the scorer decides what that means). */
  output: z.string().nullable(),
  context: z.object({
    vars: z.record(z.string(), z.unknown()),
    expected: z.unknown(),
    toolCalls: z.array(z.unknown()),
    metadata: z.record(z.string(), z.unknown()),
  }),
})
export type CodeScorerInput = z.input<typeof codeScorerInputSchema>

/** The input as the JSON text the sandbox parses; undefined fields (e.g. no expected) become null. */
export function inputJson(input: CodeScorerInput): string {
  const parsed = codeScorerInputSchema.parse(input)
  return JSON.stringify({
    ...parsed,
    context: { ...parsed.context, expected: parsed.context.expected ?? null },
  })
}
