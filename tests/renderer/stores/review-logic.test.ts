import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from '../../../renderer/src/stores/app/location'
import { outputText } from '../../../renderer/src/stores/review/output-text'
import { commandForKey, rawForKey, scaleOptions } from '../../../renderer/src/stores/review/review-keys'
import { nextActiveKey } from '../../../renderer/src/stores/review/session-logic'
import { makeItem } from '../fixtures/fake-review'

const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
})
const likert = { type: 'likert', min: 1, max: 5, labels: {} } as const

describe('review keys', () => {
  it('maps digits, y/n and labels to raw scores on each scale', () => {
    expect(rawForKey('y', { type: 'pass_fail' })).toBe(1)
    expect(rawForKey('n', { type: 'pass_fail' })).toBe(0)
    expect(rawForKey('4', likert)).toBe(4)
    expect(rawForKey('6', likert)).toBeNull()
    expect(rawForKey('2', { type: 'labels', labels: ['low', 'high'] })).toBe(1)
    expect(rawForKey('3', { type: 'labels', labels: ['low', 'high'] })).toBeNull()
  })

  it('turns key presses into commands', () => {
    const single = { mode: 'single', scale: likert } as const
    expect(commandForKey(press('3'), single)).toEqual({ kind: 'set', raw: 3 })
    expect(commandForKey(press('Tab', { shiftKey: true }), single)).toEqual({ kind: 'move', by: -1 })
    expect(commandForKey(press('j'), single)).toEqual({ kind: 'item', by: 1 })
    expect(commandForKey(press('z', { metaKey: true }), single)).toEqual({ kind: 'undo' })
    expect(commandForKey(press('s', { ctrlKey: true }), single)).toBeNull()
    const pair = { mode: 'pairwise', scale: null } as const
    expect(commandForKey(press('='), pair)).toEqual({ kind: 'prefer', preference: 'equal' })
    expect(commandForKey(press('3'), pair)).toEqual({ kind: 'prefer', preference: 'b' })
  })

  it('lists scale values with labels and keys', () => {
    expect(
      scaleOptions({ type: 'likert', min: 1, max: 3, labels: { '3': 'Great' } }).map((o) => o.label),
    ).toEqual(['1', '2', '3 · Great'])
  })
})

describe('review view helpers', () => {
  it('focuses the next unscored criterion, wrapping round', () => {
    const item = makeItem('q1', 1, { scores: [{ criterionKey: 'b', raw: 1, comment: '' }] })
    expect(nextActiveKey(['a', 'b', 'c'], item, 'a')).toBe('c')
    expect(nextActiveKey(['a', 'b', 'c'], item, 'c')).toBe('a')
    expect(nextActiveKey(['a', 'b', 'c'], item, null)).toBe('a')
  })

  it('pretty-prints JSON outputs and leaves other text alone', () => {
    expect(outputText('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(outputText('{not json')).toBe('{not json')
    expect(outputText('<b>hi</b>')).toBe('<b>hi</b>')
  })

  it('round-trips #/review/<queueId>', () => {
    expect(parseHash('#/review/q%201')).toEqual({ route: 'review', prompt: null, queue: 'q 1' })
    expect(formatHash({ route: 'review', prompt: null, queue: 'q 1' })).toBe('#/review/q%201')
    expect(parseHash('#/review')).toEqual({ route: 'review', prompt: null })
  })
})
