import { describe, expect, it } from 'vitest'
import { pagesAhead } from '../../../../renderer/src/queries/results'

describe('pages fetched ahead of the grid', () => {
  it('fetches the neighbours at rest, and three pages on in the direction of a scroll', () => {
    expect(pagesAhead(450, 470, 0, 50_000)).toEqual([3, 1])
    expect(pagesAhead(450, 470, 1, 50_000)).toEqual([3, 4, 5, 1])
    expect(pagesAhead(450, 470, -1, 50_000)).toEqual([3, 1, 0])
  })

  it('never asks for a page before the first or past the last row', () => {
    expect(pagesAhead(0, 20, -1, 50_000)).toEqual([1])
    expect(pagesAhead(49_980, 49_999, 1, 50_000)).toEqual([248])
    expect(pagesAhead(0, 20, 1, 150)).toEqual([])
  })
})
