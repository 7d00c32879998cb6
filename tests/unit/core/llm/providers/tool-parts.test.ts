import { describe, expect, it } from 'vitest'
import {
  isStrictSchema,
  ToolCallCollector,
} from '../../../../../electron/main/core/llm/providers/openai-tools'
import {
  checkedToolParams,
  toolParamProblems,
} from '../../../../../electron/main/core/llm/providers/tool-check'

describe('OpenAI tool-call deltas', () => {
  it('joins argument pieces by index, in the order the calls started', () => {
    const collector = new ToolCallCollector()
    collector.add({
      index: 0,
      id: 'call_a',
      type: 'function',
      function: { name: 'route_ticket', arguments: '' },
    })
    collector.add({
      index: 1,
      id: 'call_b',
      type: 'function',
      function: { name: 'lookup_user', arguments: '{"em' },
    })
    collector.add({ index: 0, function: { arguments: '{"queue":' } })
    collector.add({ index: 1, function: { arguments: 'ail": "a@b"}' } })
    collector.add({ index: 0, function: { arguments: ' "tech"}' } })
    expect(collector.result()).toEqual([
      { id: 'call_a', name: 'route_ticket', arguments: '{"queue": "tech"}' },
      { id: 'call_b', name: 'lookup_user', arguments: '{"email": "a@b"}' },
    ])
  })

  it('keeps calls apart on servers that reuse an index or leave out the id', () => {
    const collector = new ToolCallCollector()
    collector.add({ index: 0, id: 'x1', function: { name: 'a', arguments: '{}' } })
    collector.add({ index: 0, id: 'x2', function: { name: 'b', arguments: '{"k":1}' } })
    collector.add({ index: 1, function: { name: 'c', arguments: '[1' } })
    collector.add({ index: 1, function: { arguments: ',2]' } })
    expect(collector.result()).toEqual([
      { id: 'x1', name: 'a', arguments: '{}' },
      { id: 'x2', name: 'b', arguments: '{"k":1}' },
      { id: 'call_2', name: 'c', arguments: '[1,2]' },
    ])
  })
})

describe('strict JSON Schema for OpenAI', () => {
  it('needs an object root, every property required and no additional properties, at every depth', () => {
    const leaf = {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
      additionalProperties: false,
    }
    expect(isStrictSchema(leaf)).toBe(true)
    expect(isStrictSchema({ type: 'array', items: leaf })).toBe(false)
    const inDefs = { ...leaf, $defs: { other: { type: 'object', properties: { b: { type: 'number' } } } } }
    expect(isStrictSchema(inDefs)).toBe(false)
    const inAnyOf = { ...leaf, properties: { a: { anyOf: [{ type: 'string' }, leaf] } } }
    expect(isStrictSchema(inAnyOf)).toBe(true)
  })
})

describe('tool definition checks', () => {
  it('lists every problem at once, each naming where it is', () => {
    const problems = toolParamProblems({
      tools: [
        { name: 'ok_tool', description: '', parameters: { type: 'object' } },
        { name: 'ok_tool', description: '', parameters: { type: 'object', required: 'queue' } },
      ],
      toolChoice: { name: 'missing' },
      responseFormat: { type: 'json_schema', name: 'a b', schema: { type: 'object' } },
    })
    expect(problems).toEqual([
      expect.stringMatching(/^tools\[1\] "ok_tool": parameters is not a valid JSON Schema: .*required/),
      'tools[1]: the name "ok_tool" is used twice',
      'toolChoice names "missing", which is not one of the tools (ok_tool)',
      expect.stringMatching(/^responseFormat name "a b": a tool name is/),
    ])
  })

  it("drops a tool choice that says nothing without tools, and keeps the version's tools as they are", () => {
    expect(checkedToolParams({ toolChoice: 'none' })).toEqual({ tools: [], choice: undefined })
    const tool = { name: 't', description: 'd', parameters: { type: 'object' } }
    expect(checkedToolParams({ tools: [tool], toolChoice: 'auto' })).toEqual({
      tools: [tool],
      choice: 'auto',
    })
    expect(() => checkedToolParams({ tools: [{ ...tool, name: '' }] })).toThrow(
      /The request was not sent: tools\[0\]/,
    )
  })
})
