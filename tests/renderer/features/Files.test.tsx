import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

async function start() {
  const core = createFakeCore(defaultState())
  renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  return core
}

async function exportedFile(core: ReturnType<typeof createFakeCore>, number: number) {
  return await core.handlers['prompts.exportVersion']!({ promptId: 'p-reply', versionNumber: number })
}

function chooseFile(name: string, content: string) {
  const file = new File([content], name, { type: 'application/json' })
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } })
}

describe('export', () => {
  it('downloads the shown version as a file', async () => {
    await start()
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
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    fireEvent.click(await screen.findByTestId('export-version'))
    await waitFor(() => expect(clicked).toEqual(['p-reply.v2.prompt.json']))
    expect(JSON.parse(await blobs[0]!.text())).toMatchObject({
      format: 'evallab.prompt-version',
      version: { number: 2 },
    })
  })
})

describe('import', () => {
  it('imports a file as a new prompt, named from the file, and opens it', async () => {
    const core = await start()
    const file = await exportedFile(core, 1)
    fireEvent.click(screen.getByTestId('import-prompt'))
    expect(screen.getByTestId<HTMLInputElement>('import-target-existing').disabled).toBe(true)
    chooseFile(file.fileName, file.content)
    await waitFor(() =>
      expect(screen.getByTestId<HTMLInputElement>('import-name').value).toBe('Support reply'),
    )
    fireEvent.change(screen.getByTestId('import-name'), { target: { value: 'Support reply (copy)' } })
    fireEvent.click(screen.getByTestId('confirm-import'))
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull())
    await waitFor(() =>
      expect(screen.getByTestId('prompt-detail').textContent).toContain('Support reply (copy)'),
    )
    expect(core.transport.calls.find((c) => c.method === 'prompts.import')?.input).toMatchObject({
      fileName: 'p-reply.v1.prompt.json',
      target: { kind: 'new', name: 'Support reply (copy)' },
    })
  })

  it('imports as a new version of the open prompt on top of its latest', async () => {
    const core = await start()
    const file = await exportedFile(core, 1)
    fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
    await screen.findByTestId('prompt-detail')
    fireEvent.click(screen.getByTestId('import-prompt'))
    fireEvent.click(screen.getByTestId('import-target-existing'))
    expect(screen.getByTestId('import-dialog').textContent).toContain('on top of v2')
    chooseFile(file.fileName, file.content)
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('confirm-import').disabled).toBe(false))
    fireEvent.click(screen.getByTestId('confirm-import'))
    await waitFor(() => expect(screen.getByTestId('prompt-detail').dataset.versionNumber).toBe('3'))
    expect(core.transport.calls.find((c) => c.method === 'prompts.import')?.input).toMatchObject({
      target: { kind: 'existing', promptId: 'p-reply', baseVersionId: 'p-reply-v2' },
    })
  })

  it("shows the core's message naming what is wrong with the file", async () => {
    await start()
    fireEvent.click(screen.getByTestId('import-prompt'))
    chooseFile('broken.prompt.json', JSON.stringify({ format: 'evallab.prompt-version', formatVersion: 1 }))
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('import-name').value).toBe('broken'))
    fireEvent.click(screen.getByTestId('confirm-import'))
    const error = await screen.findByTestId('import-error')
    expect(error.dataset.errorCode).toBe('INVALID_INPUT')
    expect(error.textContent).toContain('broken.prompt.json: field "prompt"')
    expect(within(screen.getByTestId('import-dialog')).queryByTestId('import-allow-new-variables')).toBeNull()
  })
})
