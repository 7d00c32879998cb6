import { describe, expect, it } from 'vitest'
import {
  emptyPageEntry,
  markStale,
  pagesToFetch,
  rowAt,
  touchKey,
  withPage,
  type PageEntry,
} from '../../../../renderer/src/lib/paging/page-cache'

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `r${from + i}`)

describe('page cache', () => {
  it('asks for missing and stale pages only, within the total', () => {
    expect(pagesToFetch(emptyPageEntry, 0, 30, 500)).toEqual([0])
    let entry: PageEntry<string> = withPage(emptyPageEntry, 0, rows(500), 1200, 40)
    expect(pagesToFetch(entry, 0, 30, 500)).toEqual([])
    expect(pagesToFetch(entry, 450, 1600, 500)).toEqual([1, 2])
    entry = markStale(entry)
    expect(pagesToFetch(entry, 0, 10, 500)).toEqual([0])
    entry = withPage(entry, 0, rows(500), 1200, 40)
    expect(entry.stale).toEqual({})
  })

  it('asks again for an empty first page once it has gone stale', () => {
    const empty = withPage<string>(emptyPageEntry, 0, [], 0, 40)
    expect(pagesToFetch(empty, 0, 30, 200)).toEqual([])
    expect(pagesToFetch(markStale(empty), 0, 30, 200)).toEqual([0])
  })

  it('finds rows by index with the page size', () => {
    const entry = withPage(emptyPageEntry, 1, rows(200, 200), 1000, 30)
    expect(rowAt(entry, 210, 200)).toBe('r210')
    expect(rowAt(entry, 10, 200)).toBeNull()
  })

  it('keeps at most maxPages, dropping the farthest from the newest page', () => {
    let entry: PageEntry<string> = emptyPageEntry
    for (const n of [0, 1, 2, 9]) entry = withPage(entry, n, rows(1), 5000, 3)
    expect(Object.keys(entry.pages)).toEqual(['1', '2', '9'])
  })

  it('moves a key to the front and evicts the ones beyond the limit', () => {
    expect(touchKey(['a', 'b', 'c'], 'c', 2)).toEqual({ order: ['c', 'a'], evicted: ['b'] })
    expect(touchKey(['a'], 'a')).toEqual({ order: ['a'], evicted: [] })
  })
})
