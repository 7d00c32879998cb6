// Writes resources/demo/production-triage.jsonl: a week of simulated production calls of the demo's
// "Ticket triage" prompt as an OpenAI-style request log. Deterministic (seeded), so the file is reviewable.
// Production differs from the golden set on purpose: more Spanish and German, longer threads, and ~6 % of
// the outputs are truncated JSON — the monitoring demo shows a format alert and a drift summary.
import { readFileSync, writeFileSync } from 'node:fs'

const dataset = JSON.parse(readFileSync(new URL('../resources/demo/dataset.json', import.meta.url), 'utf8'))
const cases = dataset.cases
let state = 20261120
const random = () => {
  state = (state * 1664525 + 1013904223) % 4294967296
  return state / 4294967296
}
const pick = (list) => list[Math.floor(random() * list.length)]
const byLang = (lang) => cases.filter((c) => c.tags.includes(`lang:${lang}`))
const pools = {
  en: byLang('en'),
  es: byLang('es'),
  de: byLang('de'),
  other: [...byLang('fr'), ...byLang('pt')],
}
const forwarded =
  '\n\n-----Original message-----\nFrom: support@fernwork.example\nSent: Monday 09:12\n' +
  'Thanks for reaching out. We have logged your request and an agent will follow up shortly. ' +
  'Please keep the ticket number in the subject line of any reply so the thread stays together.\n'

const system =
  'You triage support tickets for Fernwork. Answer with JSON only: category, priority, sentiment, needs_human.'
const lines = []
const start = Date.parse('2026-11-16T08:00:00Z')
for (let i = 0; i < 400; i++) {
  const r = random()
  const base =
    r < 0.2 ? pick(pools.es) : r < 0.32 ? pick(pools.de) : r < 0.36 ? pick(pools.other) : pick(pools.en)
  const vars = { ...base.vars }
  // Long forwarded threads are common in production and rare in the curated set.
  if (random() < 0.35) vars.body = vars.body + forwarded + vars.body
  const version = random() < 0.7 ? 4 : 5
  const model = version === 4 ? 'triage-sim-2026-03' : 'triage-sim-2026-09'
  const expected = { ...base.expected }
  if (random() < 0.08) expected.priority = pick(['p1', 'p2', 'p3', 'p4'])
  let content = JSON.stringify({
    category: expected.category,
    priority: expected.priority,
    sentiment: expected.sentiment,
    needs_human: expected.needs_human,
  })
  if (random() < 0.06) content = content.slice(0, Math.floor(content.length * 0.6))
  const user = `Subject: ${vars.subject}\nCustomer tier: ${vars.customer_tier}\nChannel: ${vars.channel}\n\n${vars.body}`
  const promptTokens = Math.ceil((system.length + user.length) / 4)
  const completionTokens = Math.ceil(content.length / 4)
  const at = new Date(start + i * 1512_000 + Math.floor(random() * 600_000))
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
  lines.push({
    id: `chatcmpl-demo-${String(i + 1).padStart(4, '0')}`,
    created_at: at,
    request: {
      model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      temperature: 0,
    },
    response: {
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens },
    },
    latency_ms: Math.round(900 + random() * 2400 + (vars.body.length > 1500 ? 1800 : 0)),
    metadata: {
      prompt_version: version,
      customer_tier: vars.customer_tier,
      channel: vars.channel,
      variables: vars,
    },
  })
}
writeFileSync(
  new URL('../resources/demo/production-triage.jsonl', import.meta.url),
  lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
)
console.log(`wrote ${lines.length} calls`)
