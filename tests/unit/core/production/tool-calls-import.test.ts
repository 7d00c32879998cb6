import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/contract'
import type { ProductionImport } from '../../../../shared/domain/production'
import type { RunResultPage } from '../../../../shared/domain/runs'
import { parseProductionLog } from '../../../../electron/main/core/production/formats'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'

const tempHome = useTempHomes()

const prompt = {
  name: 'Ticket router',
  versions: new Map([[2, { provider: 'acme-gateway', model: 'acme-router-7b' }]]),
  now: '2026-12-01T00:00:00.000Z',
}

// Arguments exactly as logged: odd spacing, a long number, and one that is not JSON.
const routeArgs = '{"queue": "billing","priority":12345678901234567890}'
const toolCall = (id: string, name: string, args: unknown) => ({
  id,
  type: 'function',
  function: { name, arguments: args },
})

function logLine(i: number, message: Record<string, unknown>): string {
  return JSON.stringify({
    id: `chatcmpl-${i}`,
    created_at: `2026-11-20T09:${String(10 + i).padStart(2, '0')}:00Z`,
    request: { model: 'acme-router-7b', messages: [{ role: 'user', content: `Refund for order ${i}` }] },
    response: {
      choices: [{ message: { role: 'assistant', ...message }, finish_reason: 'tool_calls' }],
      usage: { prompt_tokens: 50, completion_tokens: 9 },
    },
    metadata: { prompt_version: 2 },
  })
}

const callsLine = (i: number) =>
  logLine(i, {
    content: null,
    tool_calls: [toolCall('call_1', 'route_ticket', routeArgs), toolCall('call_2', 'note', 'see order 7')],
  })

function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error.message
    throw error
  }
  throw new Error('expected an error')
}

describe('production logs whose answers are tool calls', () => {
  it('reads OpenAI tool calls with their exact argument text; the answer is the calls, not a missing output', () => {
    const content = [callsLine(1), logLine(2, { content: 'Done.' })].join('\n')
    const { calls } = parseProductionLog({ fileName: 'router.jsonl', content, format: 'auto' }, prompt)
    expect(calls[0]?.output).toBe('')
    expect(calls[0]?.toolCalls).toEqual([
      { id: 'call_1', name: 'route_ticket', arguments: routeArgs },
      { id: 'call_2', name: 'note', arguments: 'see order 7' },
    ])
    expect(calls[1]).toMatchObject({ output: 'Done.', toolCalls: [] })
  })

  it('reads them from Helicone response bodies and Langfuse output messages too', () => {
    const helicone = JSON.stringify({
      request_id: 'h1',
      created_at: '2026-11-20T09:00:00Z',
      model: 'acme-router-7b',
      request_body: { messages: [{ role: 'user', content: 'Refund' }] },
      response_body: JSON.stringify({
        choices: [{ message: { content: null, tool_calls: [toolCall('c9', 'route_ticket', routeArgs)] } }],
      }),
      properties: { 'Helicone-Property-Prompt-Version': '2' },
    })
    const h = parseProductionLog({ fileName: 'h.jsonl', content: helicone, format: 'helicone' }, prompt)
    expect(h.calls[0]).toMatchObject({
      output: '',
      toolCalls: [{ name: 'route_ticket', arguments: routeArgs }],
    })
    const langfuse = JSON.stringify({
      id: 'obs-1',
      startTime: '2026-11-20T09:00:00Z',
      promptVersion: 2,
      model: 'acme-router-7b',
      input: [{ role: 'user', content: 'Refund' }],
      output: { role: 'assistant', content: null, tool_calls: [toolCall('c1', 'route_ticket', routeArgs)] },
    })
    const l = parseProductionLog({ fileName: 'l.jsonl', content: langfuse, format: 'langfuse' }, prompt)
    expect(l.calls[0]).toMatchObject({ output: '', toolCalls: [{ id: 'c1', arguments: routeArgs }] })
  })

  it('refuses a malformed tool call naming the file, line and field', () => {
    const noName = logLine(1, { content: null, tool_calls: [{ id: 'c', function: { arguments: '{}' } }] })
    const parsedArgs = logLine(1, {
      content: null,
      tool_calls: [toolCall('c', 'route_ticket', { queue: 'billing' })],
    })
    const notList = logLine(1, { content: null, tool_calls: { id: 'c' } })
    const parse = (line: string) => () =>
      parseProductionLog(
        { fileName: 'router.jsonl', content: `${callsLine(0)}\n${line}`, format: 'auto' },
        prompt,
      )
    expect(errorOf(parse(noName))).toBe(
      'router.jsonl: line 2: response.choices.0.message.tool_calls.0.function.name: ' +
        'a tool call needs the name of the function it calls',
    )
    expect(errorOf(parse(parsedArgs))).toMatch(
      /^router\.jsonl: line 2: response\.choices\.0\.message\.tool_calls\.0\.function\.arguments: expected the arguments as the text/,
    )
    expect(errorOf(parse(notList))).toMatch(
      /^router\.jsonl: line 2: .*tool_calls: expected a list of tool calls$/,
    )
  })

  it('production.import stores the calls on the run results; a bad line writes nothing', async () => {
    const core = demoCore(tempHome())
    const promptId = (await promptNamed(core, 'Ticket triage')).prompt.id
    await call(core, 'production.saveSettings', { promptId, sampleRate: 1, seed: 1, thresholds: [] })
    const lines = [1, 2, 3].map((i) => callsLine(i).replace('acme-router-7b', 'triage-sim-2026-03'))
    const content = lines.map((l) => l.replace('"prompt_version":2', '"prompt_version":4')).join('\n')
    const bad = `${content}\n${logLine(9, { content: null, tool_calls: [{ function: { name: 'x' } }] })}`
    const error = await failure(core, 'production.import', { promptId, fileName: 'bad.jsonl', content: bad })
    expect(error.message).toMatch(/^bad\.jsonl: line 4: .*function\.arguments: /)
    const imported = await call<ProductionImport>(core, 'production.import', {
      promptId,
      fileName: 'router.jsonl',
      content,
    })
    expect(imported.sampled).toBe(3)
    const page = await call<RunResultPage>(core, 'runs.results', { runId: imported.runId, limit: 10 })
    expect(page.results).toHaveLength(3)
    for (const r of page.results) {
      expect(r.responseText).toBe('')
      expect(r.finishReason).toBe('tool_calls')
      expect(r.toolCalls.map((c) => [c.name, c.arguments])).toEqual([
        ['route_ticket', routeArgs],
        ['note', 'see order 7'],
      ])
    }
    core.close()
  }, 60_000)
})
