import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Signoff, VerifyReport } from '../../../../shared/domain/bundles'
import type { FakeCoreState } from '../../fixtures/fake-core'
import { makeRun } from '../../fixtures/fake-runs'
import { contentHash, type FakeBaselinesState } from './fake-baselines'
import { byId, callsOf, openApp } from './helpers'

afterEach(() => {
  cleanup()
  localStorage.clear()
  history.replaceState(null, '', '/')
})

const xss = '<img src=x onerror=alert(1)>'
const slice = { promptVersionId: 'p-triage-v3', provider: 'demo', modelId: 'triage-sim' }

function signoff(id: string, extra: Partial<Signoff>): Signoff {
  return {
    id,
    promptId: 'p-triage',
    datasetSnapshotId: 'snap-1',
    runId: 'r1',
    slice,
    name: 'ana',
    role: 'Reviewer',
    comment: '',
    signedAt: '2025-03-01T10:00:00.000Z',
    runContentHash: contentHash,
    files: {},
    signature: null,
    current: true,
    ...extra,
  }
}

function seed(state: FakeCoreState, b: FakeBaselinesState) {
  state.runs = [makeRun('r1')]
  state.baselines = [
    {
      promptId: 'p-triage',
      datasetSnapshotId: 'snap-1',
      runId: 'r1',
      slice,
      setBy: 'ana',
      setAt: '2025-03-01T10:00:00.000Z',
      note: '',
    },
  ]
  b.signoffs = [
    signoff('so-2', {
      name: 'Priya Shah',
      role: 'PM',
      signature: { algorithm: 'ed25519', keyId: 'cccccccccccccccc', publicKey: 'MCow', value: 'c2ln' },
    }),
    signoff('so-1', { comment: xss, current: false }),
  ]
}

const openTab = (prepare?: (state: FakeCoreState, b: FakeBaselinesState) => void) =>
  openApp({ initialRoute: 'prompts', initialPrompt: { promptId: 'p-triage', tab: 'baseline' } }, prepare)

describe('the prompt’s Baseline & sign-offs tab', () => {
  it('says what to do next when there is no baseline and no sign-off', async () => {
    await openApp({ initialRoute: 'prompts', initialPrompt: { promptId: 'p-triage', tab: 'editor' } })
    fireEvent.click(await screen.findByTestId('prompt-tab-baseline'))
    expect((await screen.findByTestId('baseline-empty')).textContent).toContain(
      'No baseline yet — run the prompt, score it and sign off a slice in Runs',
    )
    expect(byId('signoff-empty')).toBeTruthy()
    await waitFor(() => expect(window.location.hash).toBe('#/prompts/p-triage/baseline'))
  })

  it('lists the baseline and each sign-off as text: who, role, signed or not, current or stale', async () => {
    await openTab(seed)
    await waitFor(() => expect(screen.getAllByTestId('signoff-row')).toHaveLength(2))
    expect(byId('baseline-row').textContent).toContain('v3 on demo/triage-sim')
    const [signed, unsigned] = screen.getAllByTestId('signoff-row')
    expect(signed!.textContent).toContain('Priya Shah (PM)')
    expect(signed!.textContent).toContain('signed with key cccccccccccccccc')
    expect(signed!.dataset.current).toBe('true')
    expect(unsigned!.textContent).toContain('ana (Reviewer)')
    expect(unsigned!.textContent).toContain('unsigned')
    expect(unsigned!.textContent).toContain('stale')
    expect(unsigned!.textContent).toContain(xss)
    expect(document.querySelector('img[src="x"]')).toBeNull()
  })

  it('exports to the remembered folder, commits when asked and lists changed and unchanged files', async () => {
    localStorage.setItem('evallab.bundleFolder.p-triage', '/repo/evals')
    const { core } = await openTab(seed)
    const folder = await screen.findByTestId<HTMLInputElement>('bundle-folder')
    expect(folder.value).toBe('/repo/evals')
    fireEvent.click(byId('bundle-commit'))
    fireEvent.change(byId('bundle-commit-message'), { target: { value: 'Baseline v3' } })
    fireEvent.click(byId('bundle-export'))
    const result = await screen.findByTestId('bundle-export-result')
    expect(result.textContent).toContain('/repo/evals/p-triage')
    expect(result.textContent).toContain('baseline/results.jsonl')
    expect(result.textContent).toContain('8 of 8 files changed')
    expect(within(result).getByTestId('bundle-commit-sha').textContent).toBe('c0ffee0000')
    expect(callsOf(core, 'bundles.export')).toEqual([
      { promptId: 'p-triage', folder: '/repo/evals', commit: true, commitMessage: 'Baseline v3' },
    ])
    await waitFor(() => expect(byId('bundle-exports').textContent).toContain('Past exports (1)'))

    fireEvent.change(folder, { target: { value: '/repo/other' } })
    fireEvent.click(byId('bundle-commit'))
    fireEvent.click(byId('bundle-export'))
    await waitFor(() => expect(byId('bundle-export-result').textContent).toContain('/repo/other/p-triage'))
    expect(localStorage.getItem('evallab.bundleFolder.p-triage')).toBe('/repo/other')
    fireEvent.change(folder, { target: { value: '/repo/other' } })
    fireEvent.click(byId('bundle-export'))
    await waitFor(() => expect(byId('bundle-export-result').textContent).toContain('nothing changed'))
  })

  it('verifies a folder with the allowed signers picked as files, naming each problem’s file', async () => {
    const { core, baselines } = await openTab(seed)
    fireEvent.change(await screen.findByTestId('bundle-verify-folder'), {
      target: { value: '/repo/evals/p-triage' },
    })
    fireEvent.click(byId('bundle-verify'))
    expect((await screen.findByTestId('bundle-verify-error')).textContent).toContain('manifest.json')

    const broken: VerifyReport = {
      folder: '',
      ok: false,
      problems: [{ file: 'baseline/results.jsonl', message: 'sha256 does not match the manifest' }],
      signoffs: [
        {
          name: 'Priya Shah',
          role: 'PM',
          signedAt: '2025-03-01T10:00:00.000Z',
          keyId: 'cccccccccccccccc',
          status: 'bad-signature',
          message: 'The signature does not cover these files',
        },
      ],
      validSignatures: 0,
    }
    baselines.verifyReport = broken
    const signers = '{"format":"evallab.allowed-signers"}'
    fireEvent.change(byId('bundle-verify-signers'), {
      target: { files: [new File([signers], 'allowed-signers.json', { type: 'application/json' })] },
    })
    expect((await screen.findByTestId('bundle-verify-signer-files')).textContent).toContain(
      'allowed-signers.json',
    )
    fireEvent.click(byId('bundle-verify'))
    await waitFor(() =>
      expect(callsOf(core, 'bundles.verify').at(-1)).toEqual({
        folder: '/repo/evals/p-triage',
        allowedSigners: [signers],
      }),
    )
    const result = await screen.findByTestId('bundle-verify-result')
    expect(result.dataset.ok).toBe('false')
    expect(result.textContent).toContain('baseline/results.jsonl: sha256 does not match the manifest')
    expect(within(result).getByTestId('bundle-verify-signoff').dataset.status).toBe('bad-signature')

    baselines.verifyReport = { ...broken, ok: true, problems: [], validSignatures: 1 }
    fireEvent.click(byId('bundle-verify'))
    await waitFor(() => expect(byId('bundle-verify-result').textContent).toContain('Verified'))
  })

  it('imports a folder and says what it added, or that nothing changed', async () => {
    const { core } = await openTab(seed)
    fireEvent.change(await screen.findByTestId('bundle-import-folder'), {
      target: { value: '/repo/evals/p-triage' },
    })
    fireEvent.click(byId('bundle-import'))
    expect((await screen.findByTestId('bundle-import-result')).textContent).toBe(
      'Imported Ticket triage: 2 new versions, 1 sign-offs.',
    )
    fireEvent.change(byId('bundle-import-folder'), { target: { value: '/repo/again' } })
    fireEvent.click(byId('bundle-import'))
    await waitFor(() =>
      expect(byId('bundle-import-result').textContent).toBe(
        'Ticket triage: already in this workspace, nothing changed.',
      ),
    )
    expect(callsOf(core, 'bundles.import')).toHaveLength(2)
  })
})

describe('choosing a folder', () => {
  const withShell = (chooseFolder: (title: string) => Promise<string | null>) =>
    Object.defineProperty(window, 'evalLabShell', { value: { chooseFolder }, configurable: true })

  afterEach(() => {
    Reflect.deleteProperty(window, 'evalLabShell')
  })

  it('offers no dialog button in the browser host, where folders are typed', async () => {
    await openTab(seed)
    await screen.findByTestId('bundle-folder')
    expect(screen.queryByTestId('bundle-folder-choose')).toBeNull()
  })

  it('fills the folder from the desktop app’s native dialog, and keeps it when the dialog is cancelled', async () => {
    const answers = ['/home/ana/repo/evals', null]
    const titles: string[] = []
    withShell((title) => {
      titles.push(title)
      return Promise.resolve(answers.shift() ?? null)
    })
    await openTab(seed)
    fireEvent.click(await screen.findByTestId('bundle-folder-choose'))
    await waitFor(() => expect(byId<HTMLInputElement>('bundle-folder').value).toBe('/home/ana/repo/evals'))
    fireEvent.click(byId('bundle-folder-choose'))
    await waitFor(() => expect(titles).toEqual(['Export the baseline to', 'Export the baseline to']))
    expect(byId<HTMLInputElement>('bundle-folder').value).toBe('/home/ana/repo/evals')
    expect(screen.getByTestId('bundle-verify-folder-choose')).toBeTruthy()
    expect(screen.getByTestId('bundle-import-folder-choose')).toBeTruthy()
  })
})
