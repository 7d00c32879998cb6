import { describe, expect, it } from 'vitest'
import { prettyArguments, toolCallsSummary, toolCallsText } from '../../../shared/lib/tool-call-text'

describe('tool calls as text', () => {
  it('pretty-prints JSON arguments keeping every number exactly as written', () => {
    expect(prettyArguments('{"n":12345678901234567890,"x":1.10,"q":"a"}')).toEqual({
      text: '{\n  "n": 12345678901234567890,\n  "x": 1.10,\n  "q": "a"\n}',
      json: true,
    })
  })

  it('shows arguments that are not JSON (or repeat a key) exactly as they came', () => {
    for (const raw of ['queue=billing', '{"queue":"billing"', '{"a":1,"a":2}', '']) {
      expect(prettyArguments(raw)).toEqual({ text: raw, json: false })
    }
  })

  it('numbers the calls of an answer and marks arguments that are not JSON', () => {
    const text = toolCallsText([
      { id: 'c1', name: 'route_ticket', arguments: '{"queue":"billing"}' },
      { id: 'c2', name: 'add_note', arguments: '' },
    ])
    expect(text).toBe(
      '#1 route_ticket\n{\n  "queue": "billing"\n}\n\n#2 add_note (arguments are not JSON)\n(no arguments)',
    )
  })

  it('sums an answer up on one line: each call with its argument text folded and cut', () => {
    expect(toolCallsSummary([])).toBe('')
    const long = `{"queue": "billing",\n  "note": "${'é'.repeat(70)}"}`
    expect(
      toolCallsSummary([
        { id: 'c1', name: 'route_ticket', arguments: long },
        { id: 'c2', name: 'add_note', arguments: '' },
        { id: 'c3', name: 'escalate', arguments: 'now <b>please</b>' },
      ]),
    ).toBe(
      `→ route_ticket {"queue": "billing", "note": "${'é'.repeat(29)}… → add_note → escalate now <b>please</b>`,
    )
  })
})
