import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { ProductionFormat, ProductionImport } from '../../../../shared/domain/production'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'

const tempHome = useTempHomes()
const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/production', name), 'utf8')

const tables = [
  'datasets',
  'dataset_cases',
  'dataset_snapshots',
  'runs',
  'run_results',
  'production_imports',
  'audit_log',
]

/** A workspace of our own: one prompt served by our gateway's model, no demo data. */
async function refundWorkspace() {
  const home = tempHome()
  const core = demoCore(home, { seedDemo: false })
  const detail = await call<PromptDetail>(core, 'prompts.create', {
    name: 'Refund answers',
    messages: [{ role: 'user', content: 'Answer the refund question: {{question}}' }],
    model: { provider: 'acme-gateway', model: 'support-bot-7b' },
    message: 'first version',
    allowNewVariables: true,
  })
  const counts = (): number[] => {
    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    try {
      return tables.map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)
    } finally {
      db.close()
    }
  }
  return { core, promptId: detail.prompt.id, counts }
}

const mismatches: { file: string; format: ProductionFormat; expected: RegExp[] }[] = [
  {
    file: 'refunds-openai-log.jsonl',
    format: 'langfuse',
    expected: [
      /^refunds-openai-log\.jsonl: line 1: not a Langfuse export: /,
      /no input \(input, promptVariables, metadata\.variables\) and no output \(output, level ERROR\)/,
      /the record has id, created_at, request, response, latency_ms, metadata/,
      /it looks like an OpenAI-style request log/,
    ],
  },
  {
    file: 'refunds-langfuse.jsonl',
    format: 'openai-log',
    expected: [
      /^refunds-langfuse\.jsonl: line 1: not an OpenAI-style request log: /,
      /no input \(request\.messages, metadata\.variables\) and no output/,
      /it looks like a Langfuse export/,
    ],
  },
  {
    file: 'refunds-openai-log.jsonl',
    format: 'generic',
    expected: [/line 1: not a generic input\/output table: no input \(input, prompt, variables, vars\);/],
  },
  {
    file: 'refunds-openai-log.jsonl',
    format: 'helicone',
    expected: [/line 1: not a Helicone export: no input \(request_body\.messages/],
  },
  {
    file: 'refunds-helicone.csv',
    format: 'langfuse',
    expected: [/^refunds-helicone\.csv: row 2: not a Langfuse export: .*it looks like a Helicone export/],
  },
]

describe('a forced production log format that does not match the file', { timeout: 30_000 }, () => {
  it.each(mismatches)('$file read as $format is refused naming the missing fields', async (m) => {
    const { core, promptId, counts } = await refundWorkspace()
    const before = counts()
    const input = {
      promptId,
      fileName: m.file,
      content: fixture(m.file),
      format: m.format,
      defaultVersion: 1,
    }
    for (const method of ['production.preview', 'production.import']) {
      const error = await failure(core, method, input)
      expect(error.code).toBe('INVALID_INPUT')
      for (const pattern of m.expected) expect(error.message).toMatch(pattern)
    }
    core.close()
    expect(counts()).toEqual(before)
  })

  it('each file imports with its own format, outputs and times as logged', async () => {
    const { core, promptId } = await refundWorkspace()
    await call(core, 'production.saveSettings', { promptId, sampleRate: 1, seed: 7, thresholds: [] })
    for (const [file, format] of [
      ['refunds-openai-log.jsonl', 'openai-log'],
      ['refunds-langfuse.jsonl', 'langfuse'],
      ['refunds-helicone.csv', 'auto'],
    ] as const) {
      const input = { promptId, fileName: file, content: fixture(file), format, defaultVersion: 1 }
      const preview = await call<{ sample: { output: string | null; at: string }[] }>(
        core,
        'production.preview',
        input,
      )
      for (const c of preview.sample) {
        expect(c.output).not.toBeNull()
        expect(c.at.startsWith('2026-10-0')).toBe(true)
      }
      await call<ProductionImport>(core, 'production.import', input)
    }
    core.close()
  })
})
