import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { openConnection } from '../../../../electron/main/core/db/connection'
import { createRepos } from '../../../../electron/main/core/db/repos'
import type { EvalSuite, Rubric, Scorer } from '../../../../shared/domain/scoring'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'

const tempHome = useTempHomes()

function open(): { core: Core; home: string } {
  const home = tempHome()
  return { core: demoCore(home), home }
}

async function triageId(core: Core): Promise<string> {
  return (await promptNamed(core, 'Ticket triage')).prompt.id
}

describe('eval suites', () => {
  it('the demo triage prompt has a stored suite v1 with its scorers and release gate', async () => {
    const { core } = open()
    const suite = await call<EvalSuite>(core, 'suites.get', { promptId: await triageId(core) })
    expect(suite.version).toBe(1)
    expect(suite.scorers.map((s) => s.metric)).toEqual([
      'format.json_schema',
      'rule.category',
      'rule.priority',
      'rule.needs_human',
      'judge.priority_reasonable',
      'human.category_correct',
    ])
    const [rubric] = await call<Rubric[]>(core, 'rubrics.list', {})
    expect(suite.scorers[4]?.config).toEqual({
      kind: 'judge',
      rubricId: rubric?.id,
      criterionKey: 'priority_reasonable',
      model: { provider: 'demo', model: 'triage-sim-2026-03' },
      samples: 1,
    })
    expect(suite.gates).toEqual([
      { kind: 'min_score', metric: 'format.json_schema', min: 0.99 },
      { kind: 'max_drop', metric: 'rule.category', maxDropPoints: 5 },
      { kind: 'max_p95_latency_ms', maxMs: 8000 },
      { kind: 'max_cost_per_interaction', maxUsd: 0.01 },
    ])
    core.close()
  })

  it('without a stored suite, version 0 is derived from the latest version’s response format', async () => {
    const { core } = open()
    const drafter = await promptNamed(core, 'Reply drafter')
    const plain = await call<EvalSuite>(core, 'suites.get', { promptId: drafter.prompt.id })
    expect(plain).toMatchObject({ version: 0, createdAt: null, createdBy: null, scorers: [], gates: [] })
    await call(core, 'prompts.saveVersion', {
      promptId: drafter.prompt.id,
      baseVersionId: drafter.version.id,
      messages: drafter.version.messages,
      model: drafter.version.model,
      params: { ...drafter.version.params, responseFormat: { type: 'json_object' } },
      message: 'Answer in JSON',
    })
    const json = await call<EvalSuite>(core, 'suites.get', { promptId: drafter.prompt.id })
    expect(json.scorers).toEqual([
      {
        metric: 'format.json',
        label: 'Output is valid JSON',
        config: { kind: 'format', format: { check: 'json' } },
      },
    ])
    expect(json.message).toBe("Default suite derived from v3's response format")
    core.close()
  })

  it('saves a changed suite as the next version with an audit entry; an unchanged one adds nothing', async () => {
    const { core, home } = open()
    const promptId = await triageId(core)
    const v1 = await call<EvalSuite>(core, 'suites.get', { promptId })
    const same = await call<EvalSuite>(core, 'suites.save', { promptId, suite: v1, message: 'No change' })
    expect(same.version).toBe(1)
    const length: Scorer = {
      metric: 'format.length',
      label: 'Short',
      config: { kind: 'format', format: { check: 'length', unit: 'chars', min: null, max: 400 } },
    }
    const v2 = await call<EvalSuite>(core, 'suites.save', {
      promptId,
      suite: { scorers: [...v1.scorers, length], gates: v1.gates },
      message: 'Add a length check',
    })
    expect(v2).toMatchObject({ version: 2, createdBy: 'tester', message: 'Add a length check' })
    expect((await call<EvalSuite>(core, 'suites.get', { promptId })).scorers).toHaveLength(7)
    const db = openConnection(join(home, 'evallab.db'))
    const audit = createRepos(db)
      .audit.forEntity('prompt', promptId)
      .filter((e) => e.action === 'suite.saved')
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      suiteVersion: 2,
      message: 'Add a length check',
    })
    db.close()
    core.close()
  })

  it('refuses what zod cannot see, naming the field', async () => {
    const { core } = open()
    const promptId = await triageId(core)
    const v1 = await call<EvalSuite>(core, 'suites.get', { promptId })
    const save = (scorers: unknown[], gates: unknown[] = []) =>
      failure(core, 'suites.save', { promptId, suite: { scorers, gates }, message: 'bad' })
    const regex = {
      metric: 'format.re',
      label: 'x',
      config: { kind: 'format', format: { check: 'regex', pattern: '(' } },
    }
    expect((await save([regex])).message).toMatch(/^Invalid field "scorers.0.config.format.pattern": /)
    const judge = v1.scorers[4] as Scorer
    const unknown = { ...judge, config: { ...judge.config, criterionKey: 'no_such' } }
    expect((await save([unknown])).message).toBe(
      'Invalid field "scorers.0.config.criterionKey": rubric "Triage quality" v1 has no criterion "no_such"',
    )
    const schema = {
      metric: 'format.s',
      label: 's',
      config: { kind: 'format', format: { check: 'json_schema', schema: { type: 12 } } },
    }
    expect((await save([schema])).message).toMatch(
      /^Invalid field "scorers.0.config.format.schema": not a valid JSON Schema/,
    )
    expect((await save([v1.scorers[0], v1.scorers[0]])).message).toBe(
      'Invalid field "scorers.1.metric": metric "format.json_schema" is used twice',
    )
    expect((await save([v1.scorers[0]], [{ kind: 'min_score', metric: 'quality', min: 0.9 }])).message).toBe(
      'Invalid field "gates.0.metric": no scorer of this suite produces metric "quality"',
    )
    const noExpected = {
      metric: 'rule.x',
      label: 'x',
      config: { kind: 'rule', rule: { op: 'equals', path: 'x' } },
    }
    expect((await save([noExpected])).message).toMatch(/^Invalid field "scorers.0.config.rule.expectedField"/)
    core.close()
  })

  it('exports a stable file with sorted keys and imports it back; a changed file adds a version', async () => {
    const { core } = open()
    const promptId = await triageId(core)
    const file = await call<{ fileName: string; content: string }>(core, 'suites.export', { promptId })
    expect(file.fileName).toBe('ticket-triage.suite.json')
    const parsed = JSON.parse(file.content) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(['gates', 'promptName', 'scorers', 'version'])
    expect(parsed).toMatchObject({ promptName: 'Ticket triage', version: 1 })
    expect(file.content.endsWith('}\n')).toBe(true)
    expect(file.content).toContain('\n  "gates": [\n')
    expect((await call<{ content: string }>(core, 'suites.export', { promptId })).content).toBe(file.content)

    const unchanged = await call<EvalSuite>(core, 'suites.import', { promptId, content: file.content })
    expect(unchanged.version).toBe(1)
    const edited = file.content.replace('"min": 0.99', '"min": 0.995')
    const imported = await call<EvalSuite>(core, 'suites.import', { promptId, content: edited })
    expect(imported).toMatchObject({ version: 2, message: 'Imported from a suite file' })
    expect(imported.gates[0]).toEqual({ kind: 'min_score', metric: 'format.json_schema', min: 0.995 })
    const reexported = await call<{ content: string }>(core, 'suites.export', { promptId })
    expect(reexported.content).toBe(edited.replace('"version": 1', '"version": 2'))
    core.close()
  })

  it('refuses a broken suite file, naming the field or saying it is not JSON', async () => {
    const { core } = open()
    const promptId = await triageId(core)
    const notJson = await failure(core, 'suites.import', { promptId, content: '{"scorers": [' })
    expect(notJson.message).toMatch(/^The suite file is not valid JSON: /)
    const badKind = JSON.stringify({
      scorers: [{ metric: 'm', label: 'l', config: { kind: 'vibes' } }],
      gates: [],
    })
    const error = await failure(core, 'suites.import', { promptId, content: badKind })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'scorers.0.config.kind' } })
    expect(error.message).toMatch(/^Field "scorers.0.config.kind" of the suite file: /)
    core.close()
  })
})

describe('rubrics', () => {
  const draft = {
    key: 'reply-quality',
    name: 'Reply quality',
    criteria: [{ key: 'tone', name: 'Tone', scale: { type: 'labels', labels: ['rude', 'neutral', 'warm'] } }],
  }

  it('saves a new rubric as v1, a changed one as the next version, and an unchanged one as nothing new', async () => {
    const { core, home } = open()
    const v1 = await call<Rubric>(core, 'rubrics.save', draft)
    expect(v1).toMatchObject({ key: 'reply-quality', version: 1, description: '' })
    expect((await call<Rubric>(core, 'rubrics.save', draft)).id).toBe(v1.id)
    const v2 = await call<Rubric>(core, 'rubrics.save', { ...draft, description: 'Now with guidance' })
    expect(v2.version).toBe(2)
    expect(v2.id).not.toBe(v1.id)
    const list = await call<Rubric[]>(core, 'rubrics.list', {})
    expect(list.map((r) => [r.key, r.version])).toEqual([
      ['reply-quality', 2],
      ['triage-quality', 1],
    ])
    const db = openConnection(join(home, 'evallab.db'))
    const repos = createRepos(db)
    // Scorers name a version by id: the old one stays readable.
    expect(repos.rubrics.byId(v1.id)?.version).toBe(1)
    expect(repos.rubrics.versions('reply-quality').map((r) => r.version)).toEqual([2, 1])
    expect(repos.audit.forEntity('rubric', 'reply-quality').map((e) => e.action)).toEqual([
      'rubric.saved',
      'rubric.saved',
    ])
    db.close()
    core.close()
  })

  it('validates criteria at the boundary', async () => {
    const { core } = open()
    const error = await failure(core, 'rubrics.save', {
      ...draft,
      criteria: [{ ...draft.criteria[0], key: 'Bad Key' }],
    })
    expect(error.message).toMatch(/criteria\.0\.key/)
    core.close()
  })
})
