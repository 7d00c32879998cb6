import { describe, expect, it } from 'vitest'
import {
  formatDiffRange,
  formatHash,
  parseDiffRange,
  parseHash,
  type AppLocation,
} from '../../../renderer/src/stores/app/location'

describe('diff range', () => {
  it('parses "3..5" and keeps the order', () => {
    expect(parseDiffRange('3..5')).toEqual({ left: 3, right: 5 })
    expect(parseDiffRange('5..3')).toEqual({ left: 5, right: 3 })
    expect(parseDiffRange('v2..v10')).toEqual({ left: 2, right: 10 })
    expect(formatDiffRange({ left: 3, right: 5 })).toBe('3..5')
  })

  it('refuses anything else', () => {
    for (const text of ['3', '3..', '..5', '3...5', '0..2', 'a..b', '3..5x', '-1..2']) {
      expect(parseDiffRange(text), text).toBeNull()
    }
  })
})

describe('hash routes', () => {
  const cases: [string, AppLocation][] = [
    ['#/prompts', { route: 'prompts', prompt: null }],
    ['#/datasets', { route: 'datasets', prompt: null }],
    ['#/runs', { route: 'runs', prompt: null }],
    ['#/runs/run_abc%2F1', { route: 'runs', prompt: null, run: 'run_abc/1' }],
    ['#/prompts/p-reply', { route: 'prompts', prompt: { promptId: 'p-reply', tab: 'editor' } }],
    [
      '#/prompts/p-reply/v/3',
      { route: 'prompts', prompt: { promptId: 'p-reply', tab: 'editor', version: 3 } },
    ],
    ['#/prompts/p-reply/history', { route: 'prompts', prompt: { promptId: 'p-reply', tab: 'history' } }],
    ['#/prompts/p-reply/suite', { route: 'prompts', prompt: { promptId: 'p-reply', tab: 'suite' } }],
    ['#/prompts/p-reply/diff', { route: 'prompts', prompt: { promptId: 'p-reply', tab: 'diff' } }],
    [
      '#/prompts/p-reply/diff/3..5',
      { route: 'prompts', prompt: { promptId: 'p-reply', tab: 'diff', diff: { left: 3, right: 5 } } },
    ],
    ['#/datasets/ds-1', { route: 'datasets', prompt: null, dataset: { datasetId: 'ds-1' } }],
    [
      '#/datasets/ds-1/diff/2..working',
      { route: 'datasets', prompt: null, dataset: { datasetId: 'ds-1', diff: { from: '2', to: 'working' } } },
    ],
    [
      '#/datasets/ds-1/diff/snap-a..snap-b',
      {
        route: 'datasets',
        prompt: null,
        dataset: { datasetId: 'ds-1', diff: { from: 'snap-a', to: 'snap-b' } },
      },
    ],
    ['#/compare', { route: 'compare', prompt: null }],
    ['#/compare?runs=run-1,run%2F2', { route: 'compare', prompt: null, compareRuns: ['run-1', 'run/2'] }],
    [
      '#/prompts/a%2Fb%20c/diff/1..2',
      { route: 'prompts', prompt: { promptId: 'a/b c', tab: 'diff', diff: { left: 1, right: 2 } } },
    ],
  ]

  it.each(cases)('%s round-trips', (hash, location) => {
    expect(parseHash(hash)).toEqual(location)
    expect(formatHash(location)).toBe(hash)
  })

  it('falls back to the screen, or to nothing, on unknown parts', () => {
    expect(parseHash('#/nowhere')).toBeNull()
    expect(parseHash('')).toBeNull()
    expect(parseHash('#/prompts/p1/diff/banana')).toEqual({
      route: 'prompts',
      prompt: { promptId: 'p1', tab: 'diff' },
    })
    expect(parseHash('#/prompts/p1/v/0')).toEqual({
      route: 'prompts',
      prompt: { promptId: 'p1', tab: 'editor' },
    })
    expect(parseHash('#/prompts/%E0%A4%A')).toEqual({ route: 'prompts', prompt: null })
    expect(parseHash('/prompts/p1/whatever')).toEqual({
      route: 'prompts',
      prompt: { promptId: 'p1', tab: 'editor' },
    })
  })

  it("reads a query as the screen's, never as part of a route or an id", () => {
    expect(parseHash('#/compare?runs= a ,b,a,,')).toEqual({
      route: 'compare',
      prompt: null,
      compareRuns: ['a', 'b'],
    })
    expect(parseHash('#/compare?runs=')).toEqual({ route: 'compare', prompt: null })
    expect(parseHash('#/compare?other=1')).toEqual({ route: 'compare', prompt: null })
    expect(parseHash('#/runs/run-1?x=1')).toEqual({ route: 'runs', prompt: null, run: 'run-1' })
    expect(parseHash('#/prompts/p1?x=1')).toEqual({
      route: 'prompts',
      prompt: { promptId: 'p1', tab: 'editor' },
    })
  })

  it('drops prompt parts on other screens', () => {
    expect(formatHash({ route: 'datasets', prompt: { promptId: 'p1', tab: 'history' } })).toBe('#/datasets')
    expect(parseHash('#/prompts/p1/diff/1..2')?.dataset).toBeUndefined()
  })

  it('keeps a dataset when its diff part is unknown, and refuses `working` as the older side', () => {
    for (const bad of [
      '#/datasets/ds-1/diff/working..2',
      '#/datasets/ds-1/diff/banana',
      '#/datasets/ds-1/x',
    ]) {
      expect(parseHash(bad), bad).toEqual({ route: 'datasets', prompt: null, dataset: { datasetId: 'ds-1' } })
    }
    expect(parseHash('#/datasets/')).toEqual({ route: 'datasets', prompt: null })
  })
})
