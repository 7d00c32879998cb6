import type { CodeScorerInput } from '../../../../../electron/main/core/scoring/code'

/** A support-ticket triage answer with the case's vars, expected labels and one tool call. */
export const ticketInput = (output: string | null = '{"queue":"billing","priority":2}'): CodeScorerInput => ({
  output,
  context: {
    vars: { ticket: 'I was charged twice for my March invoice', customerTier: 'enterprise' },
    expected: { queue: 'billing', maxPriority: 2 },
    toolCalls: [{ id: 'call_1', name: 'lookup_invoice', arguments: { month: '2026-03' } }],
    metadata: { region: 'eu-west', promptVersion: 7 },
  },
})
