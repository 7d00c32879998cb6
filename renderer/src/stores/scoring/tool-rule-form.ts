import type { Scorer } from '../../../../shared/domain/scoring'
import type { ScorerForm } from './scorer-form'

type RuleConfig = Extract<Scorer['config'], { kind: 'rule' }>['rule']
export type ToolRuleConfig = Extract<
  RuleConfig,
  { op: 'tool_called' | 'tool_args_valid' | 'tool_arg' | 'tool_order' | 'no_tool_call' }
>
export const toolRuleOps = [
  'tool_called',
  'tool_args_valid',
  'tool_arg',
  'tool_order',
  'no_tool_call',
] as const
export type ToolRuleOp = (typeof toolRuleOps)[number]
export const argCompares = ['equals', 'contains', 'matches'] as const

export const isToolOp = (op: string): op is ToolRuleOp => (toolRuleOps as readonly string[]).includes(op)

type Built = { config: Scorer['config'] } | { problem: string }
const rule = (r: ToolRuleConfig): Built => ({ config: { kind: 'rule', rule: r } })
const toolOrNull = (form: ScorerForm): string | null => form.tool.trim() || null

/** "a, b" or "a > b" → ["a", "b"]: the order a literal tool-order rule expects. */
export const nameListFrom = (text: string): string[] =>
  text
    .split(/[,>]/)
    .map((s) => s.trim())
    .filter(Boolean)

function literalOf(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function buildToolArg(form: ScorerForm): Built {
  const path = form.path.trim()
  if (!path) return { problem: 'Name the argument to check, e.g. queue.' }
  const base = { op: 'tool_arg' as const, tool: toolOrNull(form), path, compare: form.argCompare }
  const ignoreCase = form.ignoreCase
  if (form.target === 'expected') {
    const expectedField = form.expectedField.trim()
    if (!expectedField) return { problem: 'Name the expected field to compare with.' }
    return rule({ ...base, expectedField, ignoreCase })
  }
  if (form.literal === '') return { problem: 'Type the value to compare with.' }
  if (form.argCompare === 'matches') {
    try {
      new RegExp(form.literal)
    } catch (error) {
      return {
        problem: `Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
  }
  const value = form.argCompare === 'equals' ? literalOf(form.literal) : form.literal
  return rule({ ...base, expectedField: null, value, ignoreCase })
}

/** The tool rule the form describes, or the first thing to fix. */
export function buildToolRule(form: ScorerForm, op: ToolRuleOp): Built {
  const expectedField = form.expectedField.trim()
  switch (op) {
    case 'tool_called':
      if (form.target === 'expected')
        return expectedField
          ? rule({ op, expectedField, tool: null })
          : { problem: 'Name the expected field holding the tool name.' }
      return form.tool.trim()
        ? rule({ op, expectedField: null, tool: form.tool.trim() })
        : { problem: 'Type the tool name.' }
    case 'tool_args_valid':
      return rule({ op, tool: toolOrNull(form) })
    case 'tool_arg':
      return buildToolArg(form)
    case 'tool_order': {
      if (form.target === 'expected')
        return expectedField
          ? rule({ op, expectedField })
          : { problem: 'Name the expected field holding the list of tools.' }
      const value = nameListFrom(form.literal)
      return value.length > 0
        ? rule({ op, expectedField: null, value })
        : { problem: 'Type the tools in order, e.g. lookup_order, route_ticket.' }
    }
    case 'no_tool_call':
      return rule({ op, expectedField: expectedField || null })
  }
}

/** The form fields showing an existing tool rule. */
export function toolRuleFields(r: ToolRuleConfig): Partial<ScorerForm> {
  const target = 'expectedField' in r && r.expectedField !== null ? 'expected' : 'literal'
  const common = {
    op: r.op,
    target,
    expectedField: 'expectedField' in r ? (r.expectedField ?? '') : '',
  } as const
  switch (r.op) {
    case 'tool_called':
      return { ...common, tool: r.tool ?? '' }
    case 'tool_args_valid':
      return { op: r.op, tool: r.tool ?? '' }
    case 'tool_arg': {
      const literal =
        r.value === undefined ? '' : typeof r.value === 'string' ? r.value : JSON.stringify(r.value)
      return {
        ...common,
        tool: r.tool ?? '',
        path: r.path,
        argCompare: r.compare,
        ignoreCase: r.ignoreCase,
        literal,
      }
    }
    case 'tool_order':
      return { ...common, literal: (r.value ?? []).join(', ') }
    case 'no_tool_call':
      return { ...common, target: 'expected' }
  }
}

const against = (form: ScorerForm): string =>
  form.target === 'expected' ? `expected ${form.expectedField.trim() || '…'}` : `"${form.literal}"`

/** The label a tool rule gets until the user writes one. */
export function toolRuleLabel(form: ScorerForm, op: ToolRuleOp): string {
  const tool = form.tool.trim()
  switch (op) {
    case 'tool_called':
      return form.target === 'expected'
        ? `Calls the tool in expected ${form.expectedField.trim() || '…'}`
        : `Calls ${tool || '…'}`
    case 'tool_args_valid':
      return `${tool || 'Tool'} arguments match the tool schema`
    case 'tool_arg':
      return `${tool ? `${tool} ` : ''}argument ${form.path.trim() || '…'} ${form.argCompare} ${against(form)}`
    case 'tool_order':
      return `Tools called in order ${form.target === 'expected' ? against(form) : nameListFrom(form.literal).join(' → ')}`
    case 'no_tool_call':
      return form.expectedField.trim()
        ? `No tool call where ${form.expectedField.trim()} is true`
        : 'No tool call'
  }
}

/** The metric a tool rule produces until the user names one: "tool.queue", "tool.called". */
export function toolRuleMetric(form: ScorerForm, op: ToolRuleOp): string {
  const arg = form.path
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
  if (op === 'tool_arg' && /^[a-z]/.test(arg)) return `tool.${arg}`.slice(0, 60)
  return `tool.${op.replace(/^tool_/, '')}`
}

/** One line in the scorer list: "route_ticket argument queue equals expected queue". */
export function describeToolRule(r: ToolRuleConfig): string {
  const target = (field: string | null, value: unknown) =>
    field !== null ? `expected ${field}` : JSON.stringify(value ?? '')
  switch (r.op) {
    case 'tool_called':
      return `calls ${r.expectedField !== null ? `the tool in expected ${r.expectedField}` : (r.tool ?? '')}`
    case 'tool_args_valid':
      return `${r.tool ?? 'every tool call'}: arguments valid against the tool's JSON Schema`
    case 'tool_arg':
      return `${r.tool ?? 'first tool call'} argument ${r.path} ${r.compare} ${target(r.expectedField, r.value)}${r.ignoreCase ? ' (any case)' : ''}`
    case 'tool_order':
      return `tools called in order ${r.expectedField !== null ? `expected ${r.expectedField}` : (r.value ?? []).join(' → ')}`
    case 'no_tool_call':
      return r.expectedField !== null
        ? `no tool call where expected ${r.expectedField} is true`
        : 'no tool call'
  }
}
