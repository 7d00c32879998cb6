import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { makeRubric } from '../../fixtures/fake-scoring'
import { appState, renderApp } from '../render-app'
import { calls } from '../runs/helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const change = (id: string, value: string, root: HTMLElement = document.body) =>
  fireEvent.change(within(root).getByTestId(id), { target: { value } })

async function openSuite(prepare: (state: FakeCoreState) => void = () => undefined) {
  const state = defaultState()
  state.rubrics = [makeRubric()]
  prepare(state)
  const core = createFakeCore(state)
  const view = renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[1]!)
  fireEvent.click(await screen.findByTestId('tab-suite'))
  await screen.findByTestId('suite-editor')
  return { core, state, ...view }
}

const scorerRows = () => screen.getAllByTestId('suite-scorer')
const gateTexts = () =>
  screen.queryAllByTestId('suite-gate').map((r) => within(r).getByTestId('gate-text').textContent)

describe('eval suite editor', () => {
  it('shows the default suite, adds a rule scorer and a gate, and saves a new version', async () => {
    const { core } = await openSuite()
    expect(location.hash).toBe('#/prompts/p-triage/suite')
    expect(byId('suite-version').dataset.version).toBe('0')
    expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.json'])

    fireEvent.click(byId('suite-add-scorer'))
    const form = byId('scorer-form')
    change('scorer-kind', 'rule', form)
    change('scorer-path', 'category', form)
    change('scorer-expected-field', 'category', form)
    expect(within(form).getByTestId<HTMLInputElement>('scorer-metric').value).toBe('category')
    fireEvent.click(within(form).getByTestId('scorer-save'))
    await waitFor(() => expect(screen.queryByTestId('scorer-form')).toBeNull())
    expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.json', 'category'])

    fireEvent.click(byId('suite-add-gate'))
    const gateForm = byId('gate-form')
    change('gate-kind', 'max_drop', gateForm)
    change('gate-metric', 'category', gateForm)
    fireEvent.click(within(gateForm).getByTestId('gate-save'))
    fireEvent.click(byId('suite-add-gate'))
    change('gate-kind', 'max_p95_latency_ms')
    fireEvent.click(byId('gate-save'))
    fireEvent.click(byId('suite-add-gate'))
    change('gate-kind', 'max_cost_per_interaction')
    fireEvent.click(byId('gate-save'))
    fireEvent.click(byId('suite-add-gate'))
    change('gate-metric', 'format.json')
    fireEvent.click(byId('gate-save'))
    expect(gateTexts()).toEqual([
      'category no more than 5 points below baseline',
      'P95 latency ≤ 8 s',
      'cost per interaction ≤ $0.01',
      'format.json pass rate ≥ 99 %',
    ])

    expect(byId<HTMLButtonElement>('suite-save').disabled).toBe(true)
    change('suite-message', 'Score the category and gate on it')
    fireEvent.click(byId('suite-save'))
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('1'))
    expect(calls(core, 'suites.save')[0]?.input).toEqual({
      promptId: 'p-triage',
      message: 'Score the category and gate on it',
      suite: {
        scorers: [
          {
            metric: 'format.json',
            label: 'Output parses as JSON',
            config: { kind: 'format', format: { check: 'json' } },
          },
          {
            metric: 'category',
            label: 'category equals expected category',
            config: {
              kind: 'rule',
              rule: { op: 'equals', path: 'category', expectedField: 'category', ignoreCase: true },
            },
          },
        ],
        gates: [
          { kind: 'max_drop', metric: 'category', maxDropPoints: 5 },
          { kind: 'max_p95_latency_ms', maxMs: 8000 },
          { kind: 'max_cost_per_interaction', maxUsd: 0.01 },
          { kind: 'min_score', metric: 'format.json', min: 0.99 },
        ],
      },
    })
    expect(byId('suite-saved').textContent).toContain('version 1')
  })

  it('adds tool rules (argument equals an expected field, tool called) and a gate on them', async () => {
    const { core } = await openSuite()
    fireEvent.click(byId('suite-add-scorer'))
    let form = byId('scorer-form')
    change('scorer-kind', 'rule', form)
    change('scorer-rule-op', 'tool_arg', form)
    change('scorer-tool', 'route_ticket', form)
    change('scorer-path', 'queue', form)
    change('scorer-expected-field', 'queue', form)
    expect(within(form).getByTestId<HTMLInputElement>('scorer-metric').value).toBe('tool.queue')
    expect(within(form).getByTestId<HTMLInputElement>('scorer-label').value).toBe(
      'route_ticket argument queue equals expected queue',
    )
    fireEvent.click(within(form).getByTestId('scorer-save'))
    await waitFor(() => expect(screen.queryByTestId('scorer-form')).toBeNull())

    fireEvent.click(byId('suite-add-scorer'))
    form = byId('scorer-form')
    change('scorer-kind', 'rule', form)
    change('scorer-rule-op', 'tool_called', form)
    change('scorer-rule-target', 'literal', form)
    change('scorer-tool', 'route_ticket', form)
    fireEvent.click(within(form).getByTestId('scorer-save'))
    await waitFor(() => expect(screen.queryByTestId('scorer-form')).toBeNull())
    expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.json', 'tool.queue', 'tool.called'])
    expect(scorerRows()[1]!.textContent).toContain(
      'route_ticket argument queue equals expected queue (any case)',
    )

    fireEvent.click(byId('suite-add-gate'))
    change('gate-metric', 'tool.queue')
    fireEvent.click(byId('gate-save'))
    change('suite-message', 'Gate on the routed queue')
    fireEvent.click(byId('suite-save'))
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('1'))
    const saved = calls(core, 'suites.save')[0]?.input as { suite: { scorers: unknown[]; gates: unknown[] } }
    expect(saved.suite.scorers.slice(1)).toEqual([
      {
        metric: 'tool.queue',
        label: 'route_ticket argument queue equals expected queue',
        config: {
          kind: 'rule',
          rule: {
            op: 'tool_arg',
            tool: 'route_ticket',
            path: 'queue',
            compare: 'equals',
            expectedField: 'queue',
            ignoreCase: true,
          },
        },
      },
      {
        metric: 'tool.called',
        label: 'Calls route_ticket',
        config: { kind: 'rule', rule: { op: 'tool_called', expectedField: null, tool: 'route_ticket' } },
      },
    ])
    expect(saved.suite.gates).toEqual([{ kind: 'min_score', metric: 'tool.queue', min: 0.99 }])
  })

  it('validates a JSON Schema on save and edits an existing scorer', async () => {
    await openSuite()
    fireEvent.click(byId('suite-add-scorer'))
    change('scorer-format-check', 'json_schema')
    change('scorer-schema', '{"type": "object",')
    fireEvent.click(byId('scorer-save'))
    expect(byId('scorer-problem').textContent).toMatch(/not valid JSON/)
    change('scorer-schema', '{"type":"object","required":["category","priority"]}')
    fireEvent.click(byId('scorer-save'))
    await waitFor(() => expect(scorerRows()).toHaveLength(2))
    expect(scorerRows()[1]!.textContent).toContain('JSON Schema with 2 required fields')

    fireEvent.click(within(scorerRows()[0]!).getByTestId('scorer-edit'))
    expect(byId<HTMLInputElement>('scorer-metric').value).toBe('format.json')
    change('scorer-metric', 'format.parses')
    fireEvent.click(byId('scorer-save'))
    await waitFor(() =>
      expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.parses', 'format.json_schema']),
    )
    fireEvent.click(within(scorerRows()[0]!).getByTestId('scorer-delete'))
    expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.json_schema'])
  })

  it('builds a judge from a rubric criterion and a model', async () => {
    const { core } = await openSuite()
    fireEvent.click(byId('suite-add-scorer'))
    change('scorer-kind', 'judge')
    change('scorer-rubric', 'rub-triage-1')
    change('scorer-criterion', 'priority_reasonable')
    change('scorer-model', 'openai/gpt-4o-mini')
    change('scorer-samples', '3')
    fireEvent.click(byId('scorer-save'))
    await waitFor(() => expect(scorerRows()).toHaveLength(2))
    expect(scorerRows()[1]!.dataset.metric).toBe('judge.priority_reasonable')
    expect(scorerRows()[1]!.textContent).toContain('judged by openai/gpt-4o-mini × 3 samples')
    change('suite-message', 'Judge priorities')
    fireEvent.click(byId('suite-save'))
    await waitFor(() => expect(calls(core, 'suites.save')).toHaveLength(1))
    expect(calls(core, 'suites.save')[0]?.input).toMatchObject({
      suite: {
        scorers: [
          {},
          {
            metric: 'judge.priority_reasonable',
            label: 'Priority is reasonable (LLM judge)',
            config: {
              kind: 'judge',
              rubricId: 'rub-triage-1',
              criterionKey: 'priority_reasonable',
              model: { provider: 'openai', model: 'gpt-4o-mini' },
              samples: 3,
            },
          },
        ],
      },
    })
  })

  it('exports the suite as a file and imports one as the next version', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:test'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const { core } = await openSuite()
    fireEvent.click(byId('suite-export'))
    await waitFor(() => expect(clicked).toEqual(['p-triage.suite.json']))
    expect(JSON.parse(await blobs[0]!.text())).toMatchObject({ scorers: [{ metric: 'format.json' }] })

    const content = JSON.stringify({ scorers: [], gates: [{ kind: 'max_error_rate', max: 0.02 }] })
    const file = new File([content], 'triage.suite.json', { type: 'application/json' })
    fireEvent.change(byId('suite-import'), { target: { files: [file] } })
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('1'))
    expect(gateTexts()).toEqual(['error rate ≤ 2 %'])
    expect(screen.getByTestId('suite-no-scorers')).toBeTruthy()
    expect(calls(core, 'suites.import')[0]?.input).toEqual({ promptId: 'p-triage', content })
  })

  it('follows a write from anywhere: a suite saved by another client replaces the shown one, never a draft', async () => {
    const { core, state } = await openSuite()
    const saveElsewhere = (version: number, metric: string) => {
      const suites = (state.suites ??= {})
      ;(suites['p-triage'] ??= []).push({
        promptId: 'p-triage',
        version,
        createdAt: '2026-03-02T10:00:00.000Z',
        createdBy: 'ci',
        message: `Saved by the CLI (${metric})`,
        scorers: [{ metric, label: metric, config: { kind: 'format', format: { check: 'json' } } }],
        gates: [],
      })
      core.transport.emit('db.changed', { tables: ['eval_suites', 'audit_log'] })
    }
    saveElsewhere(1, 'format.cli')
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('1'))
    expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.cli'])

    // An unsaved draft stays as it is; the stored version it will follow still shows.
    fireEvent.click(byId('suite-add-gate'))
    fireEvent.click(byId('gate-save'))
    expect(gateTexts()).toHaveLength(1)
    saveElsewhere(2, 'format.cli2')
    await waitFor(() => expect(byId('suite-version').dataset.version).toBe('2'))
    expect(scorerRows().map((r) => r.dataset.metric)).toEqual(['format.cli'])
    expect(gateTexts()).toHaveLength(1)
  })
})
