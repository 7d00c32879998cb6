import { describe, expect, it } from 'vitest'
import { gateStanding } from '../../../renderer/src/stores/registry/promotion-store'
import {
  blankGateForm,
  formFromGate,
  gateFromForm,
  isBinaryMetric,
} from '../../../renderer/src/stores/scoring/gate-form'
import {
  blankRubricForm,
  formFromRubric,
  likertScores,
  rubricFromForm,
} from '../../../renderer/src/stores/scoring/rubric-form'
import {
  deltaText,
  gateRuleText,
  intervalText,
  metricValueText,
  pValueText,
  ruleValueText,
} from '../../../shared/lib/gate-text'
import { scorerFromForm } from '../../../renderer/src/stores/scoring/scorer-build'
import {
  blankScorerForm,
  formFromScorer,
  type ScorerForm,
} from '../../../renderer/src/stores/scoring/scorer-form'
import { isBaselineSlice, latestGatesOf } from '../../../renderer/src/stores/scoring/slices'
import type { GateCheck } from '../../../shared/domain/registry'
import type { Baseline, GateResult, Scorer } from '../../../shared/domain/scoring'
import { makeRubric, rubricDraft } from '../fixtures/fake-scoring'

const rubrics = [makeRubric()]
const form = (patch: Partial<ScorerForm>): ScorerForm => ({ ...blankScorerForm, ...patch })
const build = (patch: Partial<ScorerForm>, others: string[] = []) =>
  scorerFromForm(form(patch), rubrics, others)

describe('scorer form', () => {
  it('builds a JSON Schema check from the schema text, named after the check until renamed', () => {
    const built = build({ check: 'json_schema', schemaText: '{"type":"object","required":["category"]}' })
    expect(built).toEqual({
      scorer: {
        metric: 'format.json_schema',
        label: 'Output matches the JSON Schema',
        config: {
          kind: 'format',
          format: { check: 'json_schema', schema: { type: 'object', required: ['category'] } },
        },
      },
    })
  })

  it('refuses a schema that is not JSON or not an object, and a broken regular expression', () => {
    expect(build({ check: 'json_schema', schemaText: '{"type": ' })).toMatchObject({
      problem: expect.stringMatching(/^The JSON Schema is not valid JSON/),
    })
    expect(build({ check: 'json_schema', schemaText: '[1]' })).toMatchObject({
      problem: expect.stringMatching(/must be a JSON object/),
    })
    expect(build({ check: 'regex', pattern: '(' })).toMatchObject({
      problem: expect.stringMatching(/^Not a valid regular expression/),
    })
  })

  it('checks length and range bounds', () => {
    expect(build({ check: 'length', lengthUnit: 'words', max: '120' })).toMatchObject({
      scorer: { config: { format: { check: 'length', unit: 'words', min: null, max: 120 } } },
    })
    expect(build({ check: 'length' })).toEqual({ problem: 'Give a minimum, a maximum or both.' })
    expect(build({ check: 'length', min: '9', max: '3' })).toEqual({
      problem: 'The minimum is larger than the maximum.',
    })
    expect(build({ kind: 'rule', op: 'range', path: 'score', min: '0.5' })).toMatchObject({
      scorer: { metric: 'score', config: { rule: { op: 'range', path: 'score', min: 0.5, max: null } } },
    })
  })

  it('compares an output field with the expected field or with a literal read as JSON', () => {
    expect(build({ kind: 'rule', path: 'category', expectedField: 'category' })).toEqual({
      scorer: {
        metric: 'category',
        label: 'category equals expected category',
        config: {
          kind: 'rule',
          rule: { op: 'equals', path: 'category', expectedField: 'category', ignoreCase: true },
        },
      },
    })
    expect(build({ kind: 'rule', path: 'needs_human', target: 'literal', literal: 'true' })).toMatchObject({
      scorer: { config: { rule: { op: 'equals', expectedField: null, value: true } } },
    })
    expect(build({ kind: 'rule', op: 'contains', target: 'literal', literal: '42' })).toMatchObject({
      scorer: { metric: 'rule.contains', config: { rule: { op: 'contains', value: '42' } } },
    })
    expect(build({ kind: 'rule', path: 'category' })).toEqual({
      problem: 'Name the expected field to compare with.',
    })
  })

  it('needs a rubric criterion, a provider/model and 1–9 samples for a judge', () => {
    const judge = { kind: 'judge' as const, rubricId: 'rub-triage-1', criterionKey: 'priority_reasonable' }
    expect(build(judge)).toEqual({
      scorer: {
        metric: 'judge.priority_reasonable',
        label: 'Priority is reasonable (LLM judge)',
        config: {
          kind: 'judge',
          rubricId: 'rub-triage-1',
          criterionKey: 'priority_reasonable',
          model: { provider: 'demo', model: 'triage-sim-2026-03' },
          samples: 1,
        },
      },
    })
    expect(build({ ...judge, model: 'gpt-4o' })).toMatchObject({
      problem: expect.stringMatching(/provider\/model/),
    })
    expect(build({ ...judge, samples: '12' })).toEqual({
      problem: 'Samples must be a whole number from 1 to 9.',
    })
    expect(build({ ...judge, criterionKey: '' })).toEqual({ problem: 'Choose a criterion.' })
    expect(
      build({ kind: 'human', rubricId: 'rub-triage-1', criterionKey: 'category_correct' }),
    ).toMatchObject({
      scorer: { metric: 'human.category_correct', config: { kind: 'human' } },
    })
  })

  it('refuses a metric another scorer produces or one gate rules cannot name', () => {
    expect(build({}, ['format.json'])).toEqual({ problem: 'Another scorer already produces "format.json".' })
    expect(build({ metric: 'Format JSON', metricEdited: true })).toMatchObject({
      problem: expect.stringMatching(/lower-case/),
    })
  })

  it('shows an existing scorer in the form and builds it back unchanged', () => {
    const scorers: Scorer[] = [
      {
        metric: 'category',
        label: 'Category',
        config: {
          kind: 'rule',
          rule: { op: 'equals', path: 'category', expectedField: 'category', ignoreCase: false },
        },
      },
      {
        metric: 'tier',
        label: 'Tier',
        config: {
          kind: 'rule',
          rule: { op: 'equals', path: 'tier', expectedField: null, value: 3, ignoreCase: true },
        },
      },
      {
        metric: 'format.regex',
        label: 'Regex',
        config: { kind: 'format', format: { check: 'regex', pattern: '^p[1-4]$', flags: 'i' } },
      },
      {
        metric: 'judge.q',
        label: 'Q',
        config: {
          kind: 'judge',
          rubricId: 'rub-triage-1',
          criterionKey: 'priority_reasonable',
          model: { provider: 'openai', model: 'gpt-4o-mini' },
          samples: 3,
        },
      },
    ]
    for (const scorer of scorers)
      expect(scorerFromForm(formFromScorer(scorer), rubrics, [])).toEqual({ scorer })
  })
})

describe('gate rules', () => {
  const scorers: Scorer[] = [
    { metric: 'format.json_schema', label: 'Schema', config: { kind: 'format', format: { check: 'json' } } },
    {
      metric: 'judge.priority_reasonable',
      label: 'Priority',
      config: {
        kind: 'judge',
        rubricId: 'rub-triage-1',
        criterionKey: 'priority_reasonable',
        model: { provider: 'demo', model: 'x' },
        samples: 1,
      },
    },
  ]
  const metrics = scorers.map((s) => s.metric)

  it('reads as the sentences reviewers see', () => {
    expect(gateRuleText({ kind: 'min_score', metric: 'format.json_schema', min: 0.99 }, true)).toBe(
      'format.json_schema pass rate ≥ 99 %',
    )
    expect(gateRuleText({ kind: 'max_drop', metric: 'category', maxDropPoints: 5 })).toBe(
      'category no more than 5 points below baseline',
    )
    expect(gateRuleText({ kind: 'max_p95_latency_ms', maxMs: 8000 })).toBe('P95 latency ≤ 8 s')
    expect(gateRuleText({ kind: 'max_cost_per_interaction', maxUsd: 0.01 })).toBe(
      'cost per interaction ≤ $0.01',
    )
    expect(gateRuleText({ kind: 'min_score', metric: 'judge.q', min: 0.75 }, false)).toBe(
      'judge.q mean ≥ 0.75 (0..1)',
    )
    expect(gateRuleText({ kind: 'max_error_rate', max: 0.02 })).toBe('error rate ≤ 2 %')
  })

  it('turns the typed value into the rule: percent, points, seconds, USD', () => {
    expect(gateFromForm({ kind: 'min_score', metric: 'format.json_schema', value: '99' }, metrics)).toEqual({
      rule: { kind: 'min_score', metric: 'format.json_schema', min: 0.99 },
    })
    expect(gateFromForm({ kind: 'max_p95_latency_ms', metric: '', value: '8' }, metrics)).toEqual({
      rule: { kind: 'max_p95_latency_ms', maxMs: 8000 },
    })
    expect(gateFromForm({ kind: 'max_cost_per_interaction', metric: '', value: '0.01' }, metrics)).toEqual({
      rule: { kind: 'max_cost_per_interaction', maxUsd: 0.01 },
    })
    expect(gateFromForm({ kind: 'max_drop', metric: 'nope', value: '5' }, metrics)).toEqual({
      problem: 'Choose a metric one of the scorers produces.',
    })
    expect(gateFromForm({ kind: 'min_score', metric: 'format.json_schema', value: '120' }, metrics)).toEqual({
      problem: 'A percentage is at most 100.',
    })
    for (const rule of [
      { kind: 'min_score' as const, metric: 'format.json_schema', min: 0.995 },
      { kind: 'max_error_rate' as const, max: 0.05 },
      { kind: 'max_p95_latency_ms' as const, maxMs: 2500 },
    ])
      expect(gateFromForm(formFromGate(rule), metrics)).toEqual({ rule })
    expect(blankGateForm(metrics)).toEqual({ kind: 'min_score', metric: 'format.json_schema', value: '99' })
  })

  it('knows pass/fail metrics from ordinal ones', () => {
    expect(isBinaryMetric('format.json_schema', scorers, rubrics)).toBe(true)
    expect(isBinaryMetric('judge.priority_reasonable', scorers, rubrics)).toBe(false)
    expect(isBinaryMetric('judge.priority_reasonable', scorers, [])).toBeNull()
  })

  it('formats figures in the rule’s unit', () => {
    const drop = { kind: 'max_drop' as const, metric: 'category', maxDropPoints: 5 }
    expect(ruleValueText(drop, 0.9655)).toBe('96.6 %')
    expect(deltaText(drop, -3.24)).toBe('−3.2 points')
    expect(deltaText(drop, 0)).toBe('0 points')
    expect(ruleValueText({ kind: 'max_p95_latency_ms', maxMs: 8000 }, 7250)).toBe('7.25 s')
    expect(ruleValueText({ kind: 'max_cost_per_interaction', maxUsd: 0.01 }, 0.00412)).toBe('$0.00412')
    expect(pValueText(0.0312)).toBe('p = 0.03')
    expect(pValueText(0.0042)).toBe('p = 0.004')
    expect(pValueText(0.00001)).toBe('p < 0.001')
    expect(metricValueText('pass_rate', 0.9655)).toBe('96.6 %')
    expect(metricValueText('mean', 0.8125)).toBe('0.81')
    expect(intervalText('pass_rate', { low: 0.931, high: 0.984 })).toBe('95 % CI 93.1–98.4 %')
  })
})

describe('rubric form', () => {
  it('builds criteria with pass/fail, likert labels and ordered labels', () => {
    const f = blankRubricForm()
    const [first] = f.criteria
    const built = rubricFromForm({
      ...f,
      key: 'reply-quality',
      name: 'Reply quality',
      criteria: [
        { ...first!, key: 'polite', name: 'Polite' },
        {
          ...first!,
          rowId: 99,
          key: 'helpful',
          name: 'Helpful',
          scale: 'likert',
          min: '1',
          max: '3',
          likertLabels: { '1': 'No', '3': 'Yes', '7': 'ignored' },
        },
        {
          ...first!,
          rowId: 98,
          key: 'tone',
          name: 'Tone',
          scale: 'labels',
          labelsText: 'rude\n\nneutral\nwarm\n',
        },
      ],
    })
    expect(built).toEqual({
      draft: {
        key: 'reply-quality',
        name: 'Reply quality',
        description: '',
        criteria: [
          { key: 'polite', name: 'Polite', scale: { type: 'pass_fail' }, guidance: '' },
          {
            key: 'helpful',
            name: 'Helpful',
            scale: { type: 'likert', min: 1, max: 3, labels: { '1': 'No', '3': 'Yes' } },
            guidance: '',
          },
          {
            key: 'tone',
            name: 'Tone',
            scale: { type: 'labels', labels: ['rude', 'neutral', 'warm'] },
            guidance: '',
          },
        ],
      },
    })
  })

  it('names the field to fix', () => {
    const f = blankRubricForm()
    expect(rubricFromForm({ ...f, key: 'q', name: 'Q' })).toMatchObject({
      problem: expect.stringMatching(/^Criterion 1 key/),
    })
    expect(rubricFromForm({ ...f, key: 'Bad Key', name: 'Q' })).toMatchObject({
      problem: expect.stringMatching(/^Rubric key/),
    })
    expect(likertScores('1', '5')).toEqual([1, 2, 3, 4, 5])
    expect(likertScores('5', '1')).toBeNull()
  })

  it('edits an existing rubric under its key and saves it back unchanged', () => {
    const rubric = makeRubric()
    const f = formFromRubric(rubric)
    expect(f.keyLocked).toBe(true)
    expect(rubricFromForm(f)).toEqual({ draft: rubricDraft(rubric) })
  })
})

describe('promotion standing', () => {
  const check = (reqs: [boolean, boolean][]): GateCheck => ({
    env: 'prod',
    versionId: 'v',
    allowed: reqs.every(([ok]) => ok),
    requirements: reqs.map(([satisfied, overridable], i) => ({
      key: `r${i}`,
      label: '',
      detail: '',
      satisfied,
      overridable,
    })),
  })
  it('offers an override only when every unmet requirement is overridable', () => {
    expect(
      gateStanding(
        check([
          [true, false],
          [true, true],
        ]),
      ),
    ).toBe('allowed')
    expect(
      gateStanding(
        check([
          [true, false],
          [false, true],
        ]),
      ),
    ).toBe('overridable')
    expect(
      gateStanding(
        check([
          [false, false],
          [false, true],
        ]),
      ),
    ).toBe('blocked')
    expect(gateStanding(null)).toBe('blocked')
  })
})

describe('slices', () => {
  const slice = { promptVersionId: 'p-v4', provider: 'demo', modelId: 'sim-03' }
  it('finds the baseline slice of the run’s snapshot and the newest gate per slice', () => {
    const baseline: Baseline = {
      promptId: 'p',
      datasetSnapshotId: 's1',
      runId: 'r1',
      slice,
      setBy: 'ana',
      setAt: '2025-01-01T00:00:00.000Z',
      note: '',
    }
    expect(isBaselineSlice([baseline], { id: 'r1', datasetSnapshotId: 's1' }, slice)).toBe(true)
    expect(isBaselineSlice([baseline], { id: 'r1', datasetSnapshotId: 's2' }, slice)).toBe(false)
    expect(
      isBaselineSlice([baseline], { id: 'r1', datasetSnapshotId: 's1' }, { ...slice, modelId: 'x' }),
    ).toBe(false)
    const gate = (id: string, createdAt: string, runId = 'r1') =>
      ({ id, candidateRunId: runId, candidate: slice, createdAt }) as GateResult
    const latest = latestGatesOf(
      [gate('a', '2025-01-02'), gate('b', '2025-01-03'), gate('c', '2025-01-09', 'r2')],
      'r1',
    )
    expect([...latest.values()].map((g) => g.id)).toEqual(['b'])
  })
})
