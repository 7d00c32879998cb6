import { describe, expect, it } from 'vitest'
import { formatScorer } from '../../../../electron/main/core/scoring/scorers/format'
import { ruleScorer, type Rule } from '../../../../electron/main/core/scoring/scorers/rules'
import type { ScorerInput, VersionParams } from '../../../../electron/main/core/scoring/scorers/types'
import type { ToolCall } from '../../../../shared/domain/conversation'
import { formatCheckSchema, ruleSchema } from '../../../../shared/domain/scoring'

const rule = (value: unknown): Rule => ruleSchema.parse(value)

const version: VersionParams = {
  tools: [
    {
      name: 'route_ticket',
      description: 'Route the ticket',
      parameters: {
        type: 'object',
        properties: {
          queue: { type: 'string', enum: ['billing', 'tech', 'accounts'] },
          priority: { type: 'string', enum: ['p1', 'p2', 'p3', 'p4'] },
        },
        required: ['queue', 'priority'],
        additionalProperties: false,
      },
    },
    { name: 'lookup_order', description: '', parameters: { type: 'object' } },
  ],
}

let nextId = 0
const call = (name: string, args: string): ToolCall => ({ id: `call_${nextId++}`, name, arguments: args })

const on = (toolCalls: ToolCall[], expected: Record<string, unknown> = {}, output = ''): ScorerInput => ({
  output,
  failure: null,
  case: { expected },
  toolCalls,
  version,
})

const route = (queue: string, priority = 'p2') => call('route_ticket', JSON.stringify({ queue, priority }))

describe('tool rule: argument equals an expected field', () => {
  const queue = ruleScorer(
    rule({ op: 'tool_arg', tool: 'route_ticket', path: 'queue', expectedField: 'queue' }),
  )

  it('passes when the argument equals the expected value and fails when it does not', () => {
    expect(queue(on([route('billing')], { queue: 'billing' }))).toMatchObject({ value: 1, passed: true })
    expect(queue(on([route('tech')], { queue: 'billing' }))).toMatchObject({
      value: 0,
      passed: false,
      reason: 'queue is "tech", expected "billing"',
    })
  })

  it('fails with the reason when the arguments are not JSON, or the tool was not called', () => {
    const broken = queue(on([call('route_ticket', '{"queue": "billing",')], { queue: 'billing' }))
    expect(broken.passed).toBe(false)
    expect(broken.reason).toMatch(
      /^route_ticket's arguments are not JSON \(.+\): "\{\\"queue\\": \\"billing\\","$/,
    )
    expect(queue(on([], { queue: 'billing' }))).toMatchObject({
      passed: false,
      reason: 'route_ticket was not called (called: no tool)',
    })
    expect(queue(on([call('route_ticket', '{"priority":"p1"}')], { queue: 'billing' })).reason).toBe(
      'route_ticket was called without "queue"',
    )
  })

  it('leaves a case without the expected field unscored, and fails a failed call', () => {
    expect(queue(on([route('billing')], {}))).toMatchObject({ value: null, passed: null })
    expect(
      queue({ output: null, failure: 'timeout', case: { expected: { queue: 'billing' } } }),
    ).toMatchObject({
      passed: false,
      reason: 'The call failed: timeout',
    })
  })

  it('contains and matches compare with a literal too', () => {
    const contains = ruleScorer(rule({ op: 'tool_arg', path: 'queue', compare: 'contains', value: 'bill' }))
    expect(contains(on([route('billing')])).passed).toBe(true)
    const matches = ruleScorer(
      rule({ op: 'tool_arg', path: 'priority', compare: 'matches', value: '^p[12]$' }),
    )
    expect(matches(on([route('tech', 'p1')])).passed).toBe(true)
    expect(matches(on([route('tech', 'p3')])).passed).toBe(false)
  })
})

describe('tool rule: tool called', () => {
  it('compares the names called with the expected field or a literal', () => {
    const byField = ruleScorer(rule({ op: 'tool_called', expectedField: 'tool' }))
    expect(byField(on([route('billing')], { tool: 'route_ticket' })).passed).toBe(true)
    expect(byField(on([call('lookup_order', '{}')], { tool: 'route_ticket' }))).toMatchObject({
      passed: false,
      reason: 'route_ticket was not called (called: lookup_order)',
    })
    const literal = ruleScorer(rule({ op: 'tool_called', tool: 'lookup_order' }))
    expect(literal(on([route('billing'), call('lookup_order', '{}')])).passed).toBe(true)
  })
})

describe('tool rule: arguments valid against the tool schema of the version', () => {
  const valid = ruleScorer(rule({ op: 'tool_args_valid' }))

  it('checks every call against its own tool', () => {
    expect(valid(on([route('billing'), call('lookup_order', '{"id":1}')])).passed).toBe(true)
    const wrong = valid(on([route('sales')]))
    expect(wrong.passed).toBe(false)
    expect(wrong.reason).toContain(
      "route_ticket: the arguments do not match the tool's schema: /queue must be equal to one of the allowed values",
    )
  })

  it('fails non-JSON arguments and unknown tools with a reason, and leaves an answer without calls unscored', () => {
    expect(valid(on([call('route_ticket', 'queue=billing')])).reason).toMatch(
      /^route_ticket: the arguments are not JSON/,
    )
    expect(valid(on([call('delete_all', '{}')])).reason).toBe(
      'delete_all: the prompt version offers no tool of that name',
    )
    expect(valid(on([])).passed).toBeNull()
  })
})

describe('tool rule: order and no call', () => {
  it('compares the sequence of names with a list or a text list', () => {
    const order = ruleScorer(rule({ op: 'tool_order', expectedField: 'steps' }))
    const calls = [call('lookup_order', '{}'), route('billing')]
    expect(order(on(calls, { steps: ['lookup_order', 'route_ticket'] })).passed).toBe(true)
    expect(order(on(calls, { steps: 'lookup_order > route_ticket' })).passed).toBe(true)
    expect(order(on([...calls].reverse(), { steps: 'lookup_order, route_ticket' }))).toMatchObject({
      passed: false,
      reason: 'Called route_ticket → lookup_order, expected lookup_order → route_ticket',
    })
  })

  it('no tool call: always, or only where the case expects none', () => {
    const none = ruleScorer(rule({ op: 'no_tool_call' }))
    expect(none(on([], {}, 'Glad it works now!')).passed).toBe(true)
    expect(none(on([route('billing')])).reason).toBe('Called route_ticket, expected no tool call')
    const when = ruleScorer(rule({ op: 'no_tool_call', expectedField: 'no_tool' }))
    expect(when(on([route('billing')], { no_tool: true })).passed).toBe(false)
    expect(when(on([route('billing')], { no_tool: 'false' })).passed).toBeNull()
    expect(when(on([], { no_tool: 'yes' })).passed).toBe(true)
  })
})

describe("format: the version's own response format schema", () => {
  const check = formatScorer(formatCheckSchema.parse({ check: 'version_schema' }))
  const schemaVersion: VersionParams = {
    responseFormat: {
      type: 'json_schema',
      name: 'triage',
      schema: { type: 'object', required: ['category'], properties: { category: { type: 'string' } } },
    },
  }
  const input = (output: string, v: VersionParams | null): ScorerInput => ({
    output,
    failure: null,
    case: { expected: {} },
    version: v,
  })

  it('validates the output against the schema the version requested', () => {
    expect(check(input('{"category":"bug"}', schemaVersion)).passed).toBe(true)
    expect(check(input('{"priority":"p1"}', schemaVersion)).reason).toBe(
      "The output does not match the version's \"triage\" JSON Schema: must have required property 'category'",
    )
    expect(check(input('{"category":"bug"}', { responseFormat: { type: 'json_object' } })).passed).toBeNull()
  })
})
