import { describe, expect, it } from 'vitest'
import { jsonErrorPosition } from '../../../../electron/main/core/prompts/json-position'

describe('jsonErrorPosition', () => {
  it.each([
    ['[\n  {"role": }\n]', 13],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['"unterminated', 13],
    ['"bad \\q escape"', 6],
    ['[tru]', 1],
    ['{"a": -}', 6],
    ['[1] x', 4],
    ['', 0],
    ["{'a': 1}", 1],
  ])('finds where %j stops being JSON', (text, position) => {
    expect(() => JSON.parse(text) as unknown).toThrow()
    expect(jsonErrorPosition(text)).toBe(position)
  })

  it('returns null for valid JSON', () => {
    const valid = '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}'
    expect(JSON.parse(valid)).toBeTruthy()
    expect(jsonErrorPosition(valid)).toBeNull()
  })
})
