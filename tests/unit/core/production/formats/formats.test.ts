import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../../shared/contract'
import type { ProductionFormat } from '../../../../../shared/domain/production'
import { parseProductionLog, type LogSource } from '../../../../../electron/main/core/production/formats'

const prompt = {
  name: 'Ticket triage',
  versions: new Map([
    [4, { provider: 'demo', model: 'triage-sim-2026-03' }],
    [5, { provider: 'demo', model: 'triage-sim-2026-09' }],
  ]),
  now: '2026-12-01T00:00:00.000Z',
}

const englishBody = 'I cannot log in to my account since yesterday and the reset email never arrives.'
const spanishBody = 'No puedo acceder a mi cuenta desde ayer y el correo de restablecimiento nunca llega.'

function parse(
  fileName: string,
  content: string,
  format: ProductionFormat | 'auto' = 'auto',
  extra: Partial<LogSource> = {},
) {
  return parseProductionLog({ fileName, content, format, ...extra }, prompt)
}

function message(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error.message
    throw error
  }
  throw new Error('expected an error')
}

const jsonl = (...lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n')

describe('openai-log', () => {
  const line = {
    id: 'chatcmpl-1',
    created_at: '2026-11-20T09:14:03Z',
    request: {
      model: 'triage-sim-2026-03',
      messages: [
        { role: 'system', content: 'x' },
        { role: 'user', content: englishBody },
      ],
    },
    response: {
      choices: [{ message: { role: 'assistant', content: '{"category":"bug"}' } }],
      usage: { prompt_tokens: 412, completion_tokens: 31 },
    },
    latency_ms: 1840,
    metadata: {
      prompt_version: 4,
      customer_tier: 'enterprise',
      channel: 'email',
      user_id: 'u1',
      variables: { subject: 'Login', body: englishBody },
    },
  }

  it('reads the request log shape with version, variables, tags and language', () => {
    const { format, calls } = parse('log.jsonl', jsonl(line))
    expect(format).toBe('openai-log')
    expect(calls[0]).toEqual({
      externalId: 'chatcmpl-1',
      at: '2026-11-20T09:14:03.000Z',
      promptVersion: 4,
      provider: 'demo',
      model: 'triage-sim-2026-03',
      vars: { subject: 'Login', body: englishBody },
      output: '{"category":"bug"}',
      toolCalls: [],
      error: null,
      inputTokens: 412,
      outputTokens: 31,
      costUsd: null,
      latencyMs: 1840,
      tags: ['segment:enterprise', 'channel:email', 'lang:en'],
    })
  })

  it('reads { request: { body }, response: { body } } and batch output lines', () => {
    const wrapped = {
      id: 'w1',
      created_at: 1763630043,
      request: { body: line.request },
      response: { body: line.response },
      metadata: { prompt_version: '5' },
    }
    const batch = {
      custom_id: 'b1',
      response: { status_code: 200, body: { ...line.response, model: 'gpt-4o-mini', created: 1763630043 } },
      error: null,
    }
    const { calls } = parse('log.jsonl', jsonl(wrapped, batch), 'openai-log', { defaultVersion: 4 })
    expect(calls.map((c) => [c.externalId, c.promptVersion, c.provider, c.model, c.output])).toEqual([
      ['w1', 5, 'demo', 'triage-sim-2026-03', '{"category":"bug"}'],
      ['b1', 4, 'openai', 'gpt-4o-mini', '{"category":"bug"}'],
    ])
    expect(calls[0]?.vars).toEqual({ input: englishBody })
    expect(calls[0]?.at).toBe('2025-11-20T09:14:03.000Z')
  })

  it('names the bad line, the missing version and an unknown version', () => {
    expect(message(() => parse('log.jsonl', `${JSON.stringify(line)}\n{oops`))).toMatch(
      /^log\.jsonl: line 2: /,
    )
    const noVersion = { ...line, metadata: {} }
    expect(message(() => parse('log.jsonl', jsonl(noVersion)))).toBe(
      'log.jsonl: line 1: prompt version: no prompt version (set a default version)',
    )
    const unknown = { ...line, metadata: { prompt_version: 9 } }
    expect(message(() => parse('log.jsonl', jsonl(unknown)))).toMatch(
      /line 1: .*"Ticket triage" has no version 9/,
    )
  })
})

describe('langfuse', () => {
  it('reads a generations export (JSONL): usage, cost, latency in seconds, string metadata', () => {
    const generation = {
      id: 'obs-1',
      type: 'GENERATION',
      startTime: '2026-11-20T09:14:03.000Z',
      endTime: '2026-11-20T09:14:05.500Z',
      model: 'claude-3-5-haiku',
      input: [{ role: 'user', content: spanishBody }],
      output: { role: 'assistant', content: '{"category":"account"}' },
      usage: { input: 100, output: 20 },
      calculatedTotalCost: 0.0012,
      latency: 2.5,
      promptName: 'ticket-triage',
      promptVersion: 5,
      metadata: JSON.stringify({ segment: 'pro', channel: 'chat' }),
    }
    const { format, calls } = parse('lf.jsonl', jsonl(generation))
    expect(format).toBe('langfuse')
    expect(calls[0]).toMatchObject({
      externalId: 'obs-1',
      promptVersion: 5,
      provider: 'anthropic',
      vars: { input: spanishBody },
      output: '{"category":"account"}',
      inputTokens: 100,
      outputTokens: 20,
      costUsd: 0.0012,
      latencyMs: 2500,
      tags: ['segment:pro', 'channel:chat', 'lang:es'],
    })
  })

  it('reads a CSV export with end minus start as latency', () => {
    const csv = [
      'id,startTime,endTime,model,input,output,promptVersion,metadata',
      `g1,2026-11-20 09:14:03,2026-11-20 09:14:04,gpt-4o,"${englishBody}",plain text,4,"{""channel"":""web""}"`,
    ].join('\n')
    const { format, calls } = parse('lf.csv', csv)
    expect(format).toBe('langfuse')
    expect(calls[0]).toMatchObject({
      at: '2026-11-20T09:14:03.000Z',
      latencyMs: 1000,
      output: 'plain text',
      tags: ['channel:web', 'lang:en'],
    })
  })
})

describe('helicone', () => {
  it('reads a CSV export with JSON-string bodies and Helicone properties', () => {
    const request = JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: englishBody }],
    })
    const response = JSON.stringify({ choices: [{ message: { content: '{"category":"billing"}' } }] })
    const properties = JSON.stringify({
      'Helicone-Property-Prompt-Version': '4',
      'Helicone-Property-Customer-Tier': 'free',
    })
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`
    const csv = [
      'request_id,created_at,model,request_body,response_body,prompt_tokens,completion_tokens,cost_usd,latency,properties',
      [
        'h1',
        '2026-11-20T09:14:03Z',
        'gpt-4o-mini',
        quote(request),
        quote(response),
        '50',
        '10',
        '0.0001',
        '900',
        quote(properties),
      ].join(','),
    ].join('\n')
    const { format, calls } = parse('helicone.csv', csv)
    expect(format).toBe('helicone')
    expect(calls[0]).toMatchObject({
      externalId: 'h1',
      promptVersion: 4,
      provider: 'openai',
      output: '{"category":"billing"}',
      inputTokens: 50,
      costUsd: 0.0001,
      latencyMs: 900,
      tags: ['segment:free', 'lang:en'],
    })
  })

  it('names the row and column of a malformed JSON cell', () => {
    const csv = [
      'request_id,created_at,model,request_body,properties',
      'h1,2026-11-20T09:14:03Z,m,"{""messages"":[",{}',
    ].join('\n')
    expect(message(() => parse('helicone.csv', csv, 'auto', { defaultVersion: 4 }))).toMatch(
      /^helicone\.csv: row 2: request_body: not valid JSON/,
    )
  })
})

describe('generic', () => {
  it('reads input/output columns; other scalar columns become tags', () => {
    const csv = [
      'input,output,model,timestamp,version,region,plan',
      `"${englishBody}",ok,triage-sim-2026-09,2026-11-20T10:00:00Z,5,eu,team`,
    ].join('\n')
    const { format, calls } = parse('calls.csv', csv)
    expect(format).toBe('generic')
    expect(calls[0]).toMatchObject({
      externalId: 'row-1',
      promptVersion: 5,
      provider: 'demo',
      vars: { input: englishBody },
      tags: ['region:eu', 'plan:team', 'lang:en'],
    })
  })

  it('uses the default version and the import time when the file has neither', () => {
    const { calls } = parse('calls.jsonl', jsonl({ prompt: 'short', completion: 'x' }), 'auto', {
      defaultVersion: 4,
    })
    expect(calls[0]).toMatchObject({
      promptVersion: 4,
      at: prompt.now,
      tags: ['lang:und'],
      model: 'triage-sim-2026-03',
    })
  })

  it('tells one model id through two providers apart by the provider the log names', () => {
    const boxes = {
      ...prompt,
      versions: new Map([
        [1, { provider: 'local-llm', model: 'qwen2.5:7b' }],
        [2, { provider: 'vllm-box', model: 'qwen2.5:7b' }],
      ]),
    }
    const csv = [
      'input,output,model,version',
      'a,x,vllm-box/qwen2.5:7b,1',
      'b,y,qwen2.5:7b,2',
      'c,z,qwen2.5:7b,1',
      'd,w,local-llm/qwen2.5:7b,2',
    ].join('\n')
    const { calls } = parseProductionLog({ fileName: 'calls.csv', content: csv, format: 'auto' }, boxes)
    expect(calls.map((c) => [c.promptVersion, c.provider, c.model])).toEqual([
      [1, 'vllm-box', 'qwen2.5:7b'],
      [2, 'vllm-box', 'qwen2.5:7b'],
      [1, 'local-llm', 'qwen2.5:7b'],
      [2, 'local-llm', 'qwen2.5:7b'],
    ])
  })

  it('names the row without a version', () => {
    const csv = ['input,output', 'a,b', 'c,d'].join('\n')
    expect(message(() => parse('calls.csv', csv))).toBe(
      'calls.csv: row 2: prompt version: no prompt version (set a default version)',
    )
  })
})
