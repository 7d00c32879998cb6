import type { Core } from '../../../../electron/main/core'
import type { ProductionImport, ProductionSettings } from '../../../../shared/domain/production'
import { call } from '../core-calls'
import { triage } from '../scoring/helpers'

/** One generated production call; `malformed` ones answer with broken JSON. */
export interface FakeCall {
  id: string
  at: string
  vars: { subject: string; body: string; customer_tier: string; channel: string }
  output: string
  latencyMs: number
}

const subjects = ['cannot log in', 'invoice is wrong', 'export to csv fails', 'feature request: dark mode']
const bodies = [
  'Since this morning the login page keeps spinning and never lets me in.',
  'We were charged twice for November, please refund one of the charges.',
  'When I export the board to CSV the file is empty.',
  'Would love a dark mode for late night work sessions.',
  'La exportación a CSV no funciona desde ayer, el archivo sale vacío.',
  'Die Rechnung für November ist doppelt abgebucht worden.',
]
const good = JSON.stringify({ category: 'bug', priority: 'p2', sentiment: 'negative', needs_human: false })

/** `count` calls of version 4 on Nov 20–21; every 7th answers with malformed JSON, call 5 is very slow. */
export function fakeCalls(count: number): FakeCall[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `chatcmpl-test-${String(i + 1).padStart(3, '0')}`,
    at: `2026-11-${i < count / 2 ? '20' : '21'}T09:${String(i % 60).padStart(2, '0')}:00Z`,
    vars: {
      subject: `${subjects[i % subjects.length] ?? ''} #${i + 1}`,
      body: bodies[i % bodies.length] ?? '',
      customer_tier: i % 3 === 0 ? 'enterprise' : 'free',
      channel: i % 2 === 0 ? 'email' : 'chat',
    },
    output: i % 7 === 3 ? '{"category": "bug", "priority": ' : good,
    latencyMs: i === 5 ? 12_000 : 1000 + i * 50,
  }))
}

/** The calls as an OpenAI-style request log, one JSON object per line. */
export function openAiLog(calls: readonly FakeCall[]): string {
  return calls
    .map((c) =>
      JSON.stringify({
        id: c.id,
        created_at: c.at,
        request: {
          model: 'triage-sim-2026-03',
          messages: [
            { role: 'system', content: 'You triage support tickets. Answer with JSON only.' },
            { role: 'user', content: `Subject: ${c.vars.subject}\n\n${c.vars.body}` },
          ],
        },
        response: {
          choices: [{ message: { role: 'assistant', content: c.output }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 200, completion_tokens: 20 },
        },
        latency_ms: c.latencyMs,
        metadata: {
          prompt_version: 4,
          customer_tier: c.vars.customer_tier,
          channel: c.vars.channel,
          variables: c.vars,
        },
      }),
    )
    .join('\n')
}

export async function saveSettings(core: Core, settings: ProductionSettings): Promise<void> {
  await call(core, 'production.saveSettings', settings)
}

/** Imports the calls as an OpenAI-style log through production.import. */
export async function importCalls(
  core: Core,
  calls: readonly FakeCall[],
  fileName: string,
): Promise<ProductionImport> {
  const promptId = (await triage(core)).prompt.id
  return call<ProductionImport>(core, 'production.import', { promptId, fileName, content: openAiLog(calls) })
}
