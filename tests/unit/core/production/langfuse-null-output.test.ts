import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/contract'
import { parseProductionLog } from '../../../../electron/main/core/production/formats'

const prompt = {
  name: 'Ticket router',
  versions: new Map([[2, { provider: 'acme-gateway', model: 'acme-router-7b' }]]),
  now: '2026-12-01T00:00:00.000Z',
}

/** A Langfuse generation of the user's own router, answered with `output`. */
function generation(i: number, output: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `obs-${i}`,
    startTime: `2026-11-20T09:${String(10 + i).padStart(2, '0')}:00Z`,
    promptVersion: 2,
    model: 'acme-router-7b',
    input: [{ role: 'user', content: `Refund for order ${i}` }],
    output,
    ...extra,
  })
}

const parse = (...lines: string[]) =>
  parseProductionLog({ fileName: 'router.jsonl', content: lines.join('\n'), format: 'langfuse' }, prompt)

function errorOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error.message
    throw error
  }
  throw new Error('expected an error')
}

describe('a Langfuse output message with "content": null and no tool calls', () => {
  it('is refused naming the file, line and field, never imported as the text "null"', () => {
    const fine = generation(1, { role: 'assistant', content: 'Routed to billing.' })
    for (const output of [
      { role: 'assistant', content: null },
      { message: { role: 'assistant', content: null } },
      { choices: [{ message: { role: 'assistant', content: null } }] },
      JSON.stringify({ role: 'assistant', content: null }),
    ]) {
      expect(
        errorOf(() => parse(fine, generation(2, output))),
        JSON.stringify(output),
      ).toBe(
        'router.jsonl: line 2: output: the answer has "content": null and no tool calls, so the log holds ' +
          'no answer to import (a failed call is logged with "level": "ERROR")',
      )
    }
  })

  it('is a failed call with no output text when the generation is logged as an error', () => {
    const failed = generation(
      1,
      { role: 'assistant', content: null },
      { level: 'ERROR', statusMessage: 'timeout' },
    )
    const { calls } = parse(failed)
    expect(calls[0]).toMatchObject({ output: null, error: 'timeout', toolCalls: [] })
  })

  it('still reads an empty answer, a text answer and a tool-call-only answer', () => {
    const { calls } = parse(
      generation(1, { role: 'assistant', content: '' }),
      generation(2, { content: 'null' }),
      generation(3, {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'route_ticket', arguments: '{}' } }],
      }),
    )
    expect(calls.map((c) => c.output)).toEqual(['', 'null', ''])
    expect(calls[2]?.toolCalls).toEqual([{ id: 'c1', name: 'route_ticket', arguments: '{}' }])
  })
})
