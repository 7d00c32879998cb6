import { describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../../shared/domain/datasets'
import {
  changedParts,
  fieldValue,
  tagChanges,
} from '../../../renderer/src/features/datasets/diff/field-values'
import { buildCoverage, isThin, thinSentence } from '../../../renderer/src/features/datasets/side/coverage'
import { defaultPair } from '../../../renderer/src/features/datasets/side/SnapshotPickers'
import { cellPatch, parseTags, tableColumns } from '../../../renderer/src/stores/datasets/case-fields'
import { formOf, formPatch } from '../../../renderer/src/stores/datasets/case-form'
import { resolveSnapshot } from '../../../renderer/src/stores/datasets/dataset-navigation'
import {
  mappingErrors,
  roleFor,
  templateVariables,
  withRoleField,
} from '../../../renderer/src/stores/datasets/import-mapping'
import { casePageInput, mergeVarNames, queryKey } from '../../../renderer/src/stores/datasets/case-query'
import {
  clickIntent,
  emptySelection,
  moveActive,
  toggleId,
} from '../../../renderer/src/stores/datasets/selection'
import { makeCase } from '../fixtures/fake-datasets'

describe('case queries', () => {
  it('keys queries by dataset, trimmed search and tag set', () => {
    expect(queryKey({ datasetId: 'd', search: ' a ', tags: ['y', 'x'] })).toBe(
      queryKey({ datasetId: 'd', search: 'a', tags: ['x', 'y'] }),
    )
    expect(queryKey({ datasetId: 'd', search: '', tags: [] })).not.toBe(
      queryKey({ datasetId: 'e', search: '', tags: [] }),
    )
  })

  it('asks for a page with the same input whatever the tag order, so equal queries share a cache entry', () => {
    expect(casePageInput({ datasetId: 'd', search: ' a ', tags: ['y', 'x'] }, 2)).toEqual({
      datasetId: 'd',
      offset: 1000,
      limit: 500,
      search: 'a',
      tags: ['x', 'y'],
    })
    expect(casePageInput({ datasetId: 'd', search: ' ', tags: [] }, 0)).toEqual({
      datasetId: 'd',
      offset: 0,
      limit: 500,
    })
  })

  it('collects variable names in order of first appearance', () => {
    const names = mergeVarNames(
      [],
      [makeCase('a', { vars: { b: '', a: '' } }), makeCase('c', { vars: { c: '', a: '' } })],
    )
    expect(names).toEqual(['b', 'a', 'c'])
    expect(mergeVarNames(names, [makeCase('x', { vars: { a: '' } })])).toBe(names)
  })
})

describe('selection', () => {
  it('toggles, ranges from the anchor with Shift, and moves the active row inside the table', () => {
    const one = toggleId(emptySelection, 'a', 4)
    expect(clickIntent(one, 9, { shift: true })).toEqual({ kind: 'range', from: 4, to: 9 })
    expect(clickIntent(one, 9, {})).toEqual({ kind: 'toggle', index: 9 })
    expect(clickIntent(emptySelection, 9, { shift: true })).toEqual({ kind: 'toggle', index: 9 })
    expect(toggleId(one, 'a', 4).ids.size).toBe(0)
    expect(moveActive(0, 100, 'ArrowUp', 10)).toBe(0)
    expect(moveActive(95, 100, 'PageDown', 10)).toBe(99)
    expect(moveActive(50, 100, 'Home', 10)).toBe(0)
    expect(moveActive(50, 100, 'End', 10)).toBe(99)
    expect(moveActive(50, 100, 'x', 10)).toBeNull()
  })
})

describe('coverage', () => {
  it('marks tags with fewer than 10 cases or under 5% thin, and names them', () => {
    expect(isThin(9, 20)).toBe(true)
    expect(isThin(10, 100)).toBe(false)
    expect(isThin(40, 1000)).toBe(true)
    const groups = buildCoverage({ 'segment:smb': 4, 'segment:enterprise': 300, 'lang:de': 12, vip: 1 }, 316)
    expect(groups.map((g) => [g.prefix, g.rows.map((r) => `${r.label}:${r.thin}`)])).toEqual([
      ['lang', ['de:true']],
      ['segment', ['enterprise:false', 'smb:true']],
      ['', ['vip:true']],
    ])
    expect(thinSentence(groups)).toBe(
      '3 thin segments (fewer than 10 cases or under 5% of the dataset): lang:de (12 cases), segment:smb (4 cases), vip (1 case).',
    )
    expect(thinSentence(buildCoverage({ a: 50 }, 50))).toMatch(/^No thin segments/)
    expect(thinSentence([])).toMatch(/No case has a tag/)
  })
})

describe('cell edits', () => {
  const row: DatasetCase = makeCase('k1', { vars: { a: 'x', b: 'y' }, tags: ['t1'], expectedOutput: 'out' })

  it('patches only what changed, keeping the other variables', () => {
    expect(tableColumns(['a', 'b'])).toEqual([
      'key',
      'var:a',
      'var:b',
      'expectedOutput',
      'expected',
      'tags',
      'notes',
    ])
    expect(cellPatch(row, 'var:a', 'x')).toBeNull()
    expect(cellPatch(row, 'var:a', 'x2')).toEqual({ vars: { a: 'x2', b: 'y' } })
    expect(cellPatch(row, 'var:new', '')).toBeNull()
    expect(cellPatch(row, 'key', ' k2 ')).toEqual({ key: 'k2' })
    expect(cellPatch(row, 'expectedOutput', '')).toEqual({ expectedOutput: null })
    expect(cellPatch(row, 'tags', 't1, t2,, t1')).toEqual({ tags: ['t1', 't2'] })
    expect(cellPatch(row, 'tags', ' t1 ')).toBeNull()
    expect(parseTags('')).toEqual([])
  })

  it('turns the case form into a full patch, or says what stops it', () => {
    const form = formOf(makeCase('k', { expected: { priority: 2 } }))
    expect(formPatch({ ...form, expectedJson: '{"priority": 3}' })).toEqual({
      patch: {
        key: 'k',
        vars: { subject: 'Subject of k' },
        expected: { priority: 3 },
        expectedOutput: null,
        tags: [],
        notes: '',
        // A single-turn case stays one: null means "no conversation, no canned results".
        conversation: null,
        toolResults: null,
      },
    })
    expect(formPatch({ ...form, expectedJson: '[1]', key: ' ' })).toEqual({
      errors: {
        key: 'A case needs a key: its stable id in this dataset.',
        expectedJson: 'Expected fields must be a JSON object, e.g. {"category": "billing"}.',
      },
    })
    expect(
      formPatch({
        ...form,
        vars: [
          { name: 'a', value: '' },
          { name: 'a', value: '' },
        ],
      }),
    ).toMatchObject({
      errors: { vars: 'The variable "a" appears twice.' },
    })
  })
})

describe('mapping editor', () => {
  it('gives a new role the column name as its name or prefix, and changes one field at a time', () => {
    expect(roleFor('Customer Segment', 'tag')).toEqual({ role: 'tag', prefix: 'customer_segment' })
    expect(roleFor('expected_category', 'expected')).toEqual({ role: 'expected', name: 'category' })
    expect(roleFor('subject', 'expected', { role: 'var', name: 'topic' })).toEqual({
      role: 'expected',
      name: 'topic',
    })
    expect(roleFor('x', 'notes')).toEqual({ role: 'notes' })
    expect(withRoleField({ role: 'expected', name: 'p' }, 'type', 'number')).toEqual({
      role: 'expected',
      name: 'p',
      type: 'number',
    })
    expect(withRoleField({ role: 'expected', name: 'p', type: 'json' }, 'type', 'string')).toEqual({
      role: 'expected',
      name: 'p',
    })
    expect(withRoleField({ role: 'tags', separator: ',' }, 'json', true)).toEqual({
      role: 'tags',
      separator: ',',
      json: true,
    })
    expect(withRoleField({ role: 'notes' }, 'name', 'x')).toEqual({ role: 'notes' })
  })

  it('flags two columns claiming the key or one variable', () => {
    expect(mappingErrors({ a: { role: 'key' }, b: { role: 'key' }, c: { role: 'tag', prefix: '' } })).toEqual(
      {
        b: 'The case key is already column "a"',
      },
    )
    expect(templateVariables(['Hi {{ name }}, {{ticket}} and {{name}}', '{{ order.id }}'])).toEqual([
      'name',
      'ticket',
      'order.id',
    ])
  })
})

describe('snapshot diff', () => {
  it('splits before and after around their common start and end', () => {
    expect(changedParts('The cat sat', 'The dog sat')).toEqual({
      prefix: 'The ',
      before: 'cat',
      after: 'dog',
      suffix: ' sat',
    })
    expect(changedParts('Charged twice this month', 'Charged twice in March')).toEqual({
      prefix: 'Charged twice ',
      before: 'this month',
      after: 'in March',
      suffix: '',
    })
    expect(changedParts('one abc', 'one abc!')).toEqual({
      prefix: 'one ',
      before: 'abc',
      after: 'abc!',
      suffix: '',
    })
    expect(changedParts('aaa', 'aa')).toEqual({ prefix: '', before: 'aaa', after: 'aa', suffix: '' })
    expect(changedParts('same', 'same')).toEqual({ prefix: 'same', before: '', after: '', suffix: '' })
    expect(tagChanges(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] })
    const v = {
      key: 'k',
      vars: { s: 'x' },
      expected: { p: 2 },
      expectedOutput: null,
      tags: ['t'],
      notes: 'n',
    }
    expect([
      fieldValue(v, 'vars.s'),
      fieldValue(v, 'expected.p'),
      fieldValue(v, 'tags'),
      fieldValue(null, 'notes'),
    ]).toEqual(['x', '2', 't', ''])
  })

  it('resolves address tokens to snapshot ids and picks a sensible default pair', () => {
    const snap = (id: string, number: number) => ({
      id,
      datasetId: 'd',
      number,
      message: '',
      createdAt: '',
      createdBy: 'ana',
      caseCount: 0,
      contentHash: '',
    })
    const detail = {
      dataset: {
        id: 'd',
        name: 'D',
        description: '',
        caseCount: 0,
        tagCounts: {},
        updatedAt: '',
        snapshotCount: 2,
        parentId: null,
      },
      snapshots: [snap('s2', 2), snap('s1', 1)],
      changedSinceSnapshot: false,
      parent: null,
    }
    expect(resolveSnapshot(detail, '1', false)).toBe('s1')
    expect(resolveSnapshot(detail, 's2', false)).toBe('s2')
    expect(resolveSnapshot(detail, 'working', false)).toBeNull()
    expect(resolveSnapshot(detail, 'working', true)).toBe('working')
    expect(resolveSnapshot(detail, '7', true)).toBeNull()
    expect(defaultPair(detail)).toEqual({ from: 's1', to: 's2' })
    expect(defaultPair({ ...detail, changedSinceSnapshot: true })).toEqual({ from: 's2', to: 'working' })
    expect(defaultPair({ ...detail, snapshots: [] })).toBeNull()
  })
})
