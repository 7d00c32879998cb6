import { describe, expect, it } from 'vitest'
import { scorerFromForm } from '../../../renderer/src/stores/scoring/scorer-build'
import {
  blankScorerForm,
  formFromScorer,
  type ScorerForm,
} from '../../../renderer/src/stores/scoring/scorer-form'
import type { Scorer } from '../../../shared/domain/scoring'
import { makeRubric } from '../fixtures/fake-scoring'

const rubrics = [makeRubric()]
const build = (patch: Partial<ScorerForm>) => scorerFromForm({ ...blankScorerForm, ...patch }, rubrics, [])

describe('tool rule forms', () => {
  const rule = (r: unknown, metric = 'tool.x'): Scorer =>
    ({ metric, label: 'L', config: { kind: 'rule', rule: r } }) as Scorer

  it('round-trips every tool rule and the version-schema check through the form', () => {
    const scorers: Scorer[] = [
      rule({ op: 'tool_called', expectedField: 'tool', tool: null }),
      rule({ op: 'tool_called', expectedField: null, tool: 'route_ticket' }),
      rule({ op: 'tool_args_valid', tool: null }),
      rule({
        op: 'tool_arg',
        tool: 'route_ticket',
        path: 'queue',
        compare: 'equals',
        expectedField: 'queue',
        ignoreCase: false,
      }),
      rule({
        op: 'tool_arg',
        tool: null,
        path: 'priority',
        compare: 'matches',
        expectedField: null,
        value: '^p[12]$',
        ignoreCase: true,
      }),
      rule({ op: 'tool_order', expectedField: null, value: ['lookup_order', 'route_ticket'] }),
      rule({ op: 'no_tool_call', expectedField: 'no_tool' }),
      rule({ op: 'no_tool_call', expectedField: null }),
      { metric: 'format.v', label: 'V', config: { kind: 'format', format: { check: 'version_schema' } } },
    ]
    for (const scorer of scorers)
      expect(scorerFromForm(formFromScorer(scorer), rubrics, [])).toEqual({ scorer })
  })

  it('names what is missing and refuses a broken pattern', () => {
    expect(build({ kind: 'rule', op: 'tool_arg', path: '' })).toEqual({
      problem: 'Name the argument to check, e.g. queue.',
    })
    expect(
      build({
        kind: 'rule',
        op: 'tool_arg',
        path: 'queue',
        argCompare: 'matches',
        target: 'literal',
        literal: '(',
      }),
    ).toMatchObject({ problem: expect.stringMatching(/^Not a valid regular expression/) })
    expect(build({ kind: 'rule', op: 'tool_order', target: 'literal', literal: ' , ' })).toEqual({
      problem: 'Type the tools in order, e.g. lookup_order, route_ticket.',
    })
    expect(build({ kind: 'rule', op: 'tool_order', target: 'literal', literal: 'a > b' })).toMatchObject({
      scorer: { metric: 'tool.order', config: { rule: { op: 'tool_order', value: ['a', 'b'] } } },
    })
  })
})
