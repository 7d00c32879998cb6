import { describe, expect, it } from 'vitest'
import { changedFields, compareCases } from '../../../../electron/main/core/datasets/diff'
import { findDuplicates } from '../../../../electron/main/core/datasets/duplicates'
import type { ConversationTurn } from '../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../shared/domain/datasets'

const chat = (id: string, turns: ConversationTurn[], vars: Record<string, string> = {}): DatasetCase => ({
  id,
  key: id,
  vars,
  expected: {},
  expectedOutput: null,
  tags: [],
  notes: '',
  conversation: turns,
})
const user = (content: string): ConversationTurn => ({ role: 'user', content })
const assistant = (content: string): ConversationTurn => ({ role: 'assistant', content })
const keys = (group: { cases: { key: string }[] }) => group.cases.map((x) => x.key)

const LONG =
  'our finance team noticed two identical card charges on the annual renewal invoice for one hundred and ' +
  'twenty seats and we only expected a single payment so could you please reverse the duplicate'

describe('duplicate detection reads conversation turns', () => {
  it('does not call two cases with the same variables but different turns duplicates', () => {
    const groups = findDuplicates(
      [
        chat('refund', [user('I want a refund for order 7')], { lang: 'en' }),
        chat('shipping', [user('Where is my parcel? It is late')], { lang: 'en' }),
      ],
      0.85,
    )
    expect(groups).toEqual([])
  })

  it('groups the same turns, normalised, as exact duplicates, and tells roles apart', () => {
    const groups = findDuplicates(
      [
        chat('a', [user('Where is  my order?'), assistant('Which one?')]),
        chat('b', [user('where is my ORDER? '), assistant('which one?')]),
        chat('c', [assistant('Where is my order?'), user('Which one?')]),
      ],
      0.85,
    )
    // Swapped roles are not the same conversation; the same words still make it a near duplicate.
    expect(groups.map((g) => [g.kind, keys(g)])).toEqual([
      ['exact', ['a', 'b']],
      ['near', ['a', 'b', 'c']],
    ])
  })

  it('finds near duplicates by the text of the turns', () => {
    const groups = findDuplicates(
      [chat('a', [user(LONG), assistant('ok')]), chat('b', [user(`${LONG} please`), assistant('ok')])],
      0.8,
    )
    expect(groups.map((g) => [g.kind, keys(g)])).toEqual([['near', ['a', 'b']]])
  })
})

describe('snapshot diff of conversation cases', () => {
  it('lists conversation and toolResults when turns or canned results change, appear or go', () => {
    const before = chat('a', [user('hi')])
    expect(changedFields(before, { ...before, conversation: [user('hi'), assistant('hello')] })).toEqual([
      'conversation',
    ])
    expect(changedFields(before, { ...before, conversation: undefined })).toEqual(['conversation'])
    expect(changedFields(before, { ...before, toolResults: { find: 'x' } })).toEqual(['toolResults'])
    expect(changedFields(before, { ...before })).toEqual([])
    const diff = compareCases([before], [{ ...before, conversation: [user('bye')] }])
    expect(diff.edited).toEqual([
      {
        key: 'a',
        before: {
          key: 'a',
          vars: {},
          expected: {},
          expectedOutput: null,
          tags: [],
          notes: '',
          conversation: [user('hi')],
        },
        after: {
          key: 'a',
          vars: {},
          expected: {},
          expectedOutput: null,
          tags: [],
          notes: '',
          conversation: [user('bye')],
        },
        fields: ['conversation'],
      },
    ])
  })
})
