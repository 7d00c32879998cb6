import { describe, expect, it } from 'vitest'
import { changeOf, keepCase, orderCases } from '../../../../electron/main/core/compare/case-pairs'
import type { CompareCase } from '../../../../shared/domain/compare'

const pair = (caseId: string, change: number, texts: [string, string] = ['x', 'x']): CompareCase => ({
  caseId,
  caseKey: caseId,
  tags: [],
  baseline: { text: texts[0], error: null, toolCalls: [] },
  candidate: { text: texts[1], error: null, toolCalls: [] },
  scores: [],
  change,
})

describe('changeOf', () => {
  it('sums candidate − baseline over metrics scored on both sides only', () => {
    expect(
      changeOf([
        { metric: 'a', baseline: 1, candidate: 0 },
        { metric: 'b', baseline: 0.25, candidate: 0.75 },
        { metric: 'c', baseline: null, candidate: 1 },
        { metric: 'd', baseline: 1, candidate: null },
      ]),
    ).toBe(-0.5)
  })

  it('is exactly 0 when the differences cancel, not a floating-point crumb', () => {
    const scores = [
      { metric: 'a', baseline: 0.3, candidate: 0.7 },
      { metric: 'b', baseline: 0.5, candidate: 0.1 },
    ]
    expect(changeOf(scores)).toBe(0)
    expect(Object.is(changeOf([{ metric: 'a', baseline: 0.5, candidate: 0.5 }]), 0)).toBe(true)
  })
})

describe('keepCase', () => {
  const worse = pair('w', -1)
  const better = pair('b', 0.5)
  const differentText = pair('d', 0, ['old', 'new'])
  const different = { ...pair('e', 0), candidate: { text: null, error: 'timeout', toolCalls: [] } }
  it.each([
    ['regressions', [true, false, false, false]],
    ['improvements', [false, true, false, false]],
    ['changed', [false, false, true, true]],
    ['all', [true, true, true, true]],
  ] as const)('%s', (filter, expected) => {
    expect([worse, better, differentText, different].map((c) => keepCase(filter, c))).toEqual(expected)
  })
})

describe('orderCases', () => {
  it('puts regressions first, worst first, then the rest in dataset order', () => {
    const ordered = orderCases([
      { position: 0, item: pair('a', 0) },
      { position: 1, item: pair('b', -0.5) },
      { position: 2, item: pair('c', 1) },
      { position: 3, item: pair('d', -2) },
      { position: 4, item: pair('e', -0.5) },
    ])
    expect(ordered.map((c) => c.caseId)).toEqual(['d', 'b', 'e', 'a', 'c'])
  })
})

describe('keepCase with tool calls', () => {
  const route = (args: string, id = 'call_1') => ({ id, name: 'route_ticket', arguments: args })
  const withCalls = (a: string, b: string, ids: [string, string] = ['call_1', 'call_1']): CompareCase => {
    const base = pair('t', 0, ['', ''])
    return {
      ...base,
      baseline: { ...base.baseline, toolCalls: [route(a, ids[0])] },
      candidate: { ...base.candidate, toolCalls: [route(b, ids[1])] },
    }
  }
  it('an argument that differs (even in spacing alone) is a changed case; another call id is not', () => {
    expect(keepCase('changed', withCalls('{"queue":"billing"}', '{"queue":"sales"}'))).toBe(true)
    expect(keepCase('changed', withCalls('{"queue":"billing"}', '{"queue": "billing"}'))).toBe(true)
    expect(
      keepCase('changed', withCalls('{"queue":"billing"}', '{"queue":"billing"}', ['call_1', 'toolu_9'])),
    ).toBe(false)
  })
  it('a call on one side only is a changed case', () => {
    const base = pair('t', 0, ['', ''])
    expect(keepCase('changed', { ...base, candidate: { ...base.candidate, toolCalls: [route('{}')] } })).toBe(
      true,
    )
  })
})
