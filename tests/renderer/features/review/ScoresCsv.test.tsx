import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { calls, openReview } from './helpers'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

describe('a queue’s scores as CSV', () => {
  it('downloads the core’s CSV for the open queue, as a CSV file', async () => {
    const saved: { fileName: string; type: string; text: Promise<string> }[] = []
    let blob: Blob | null = null
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob
      return 'blob:scores'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (blob) saved.push({ fileName: this.download, type: blob.type, text: blob.text() })
    })
    const { core } = await openReview()
    fireEvent.click(await screen.findByTestId('queue-row'))
    fireEvent.click(await screen.findByTestId('queue-export-scores-csv'))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(calls(core, 'queues.exportScoresCsv').map((c) => c.input)).toEqual([{ queueId: 'q1' }])
    expect(saved[0]).toMatchObject({ fileName: 'q1.review-scores.csv', type: 'text/csv;charset=utf-8' })
    expect(await saved[0]?.text).toContain('Triage check,1,Ana,category_correct,1')
  })
})
