import { describe, expect, it } from 'vitest'
import { createClient, createMemoryTransport } from '../../../../renderer/src/api'
import { createBaselinesStores } from '../../../../renderer/src/stores/baselines'
import { keysOwnedBy, shortHash, signatureText } from '../../../../renderer/src/stores/baselines/selectors'
import { createFakeCore, deferred } from '../../fixtures/fake-core'
import { makeRun } from '../../fixtures/fake-runs'
import { baselineHandlers, emptyBaselines } from '../../features/baselines/fake-baselines'
import type { BundleExport } from '../../../../shared/domain/bundles'

function setup() {
  const core = createFakeCore()
  core.state.runs = [makeRun('r1')]
  const b = emptyBaselines()
  Object.assign(core.handlers, baselineHandlers(core.state, b))
  const transport = createMemoryTransport(core.handlers)
  const stores = createBaselinesStores(createClient(transport), 1)
  return { core, b, transport, stores }
}

const slice = { promptVersionId: 'p-triage-v1', provider: 'demo', modelId: 'm' }

describe('baselines stores', () => {
  it('drops an export result that arrives after another prompt was opened', async () => {
    const { core, stores } = setup()
    const folder = stores.folder.getState().actions
    await folder.open('p-triage')
    const gate = deferred<void>()
    const exportFn = core.handlers['bundles.export']!
    core.handlers['bundles.export'] = async (input) => {
      await gate.promise
      return exportFn(input)
    }
    const pending = folder.exportBundle({ folder: '/repo', commit: false, commitMessage: '' })
    await folder.open('p-reply')
    gate.resolve()
    const result: BundleExport | null = await pending
    expect(result?.folder).toBe('/repo/p-triage')
    expect(stores.folder.getState().exportResult).toBeNull()
    expect(stores.folder.getState().promptId).toBe('p-reply')
    stores.dispose()
  })

  it('refreshes the shown prompt after a sign-off of it, and keeps a refusal as plain data', async () => {
    const { transport, stores } = setup()
    await stores.folder.getState().actions.open('p-triage')
    const signoff = stores.signoff.getState().actions
    signoff.open({ promptId: 'p-triage', runId: 'r1', slice, label: 'v1 on m' })
    const made = await signoff.submit({ name: 'ana', role: 'PM', comment: '', keyId: null })
    expect(made?.signature).toBeNull()
    expect(stores.signoff.getState().result?.id).toBe(made?.id)
    await new Promise((r) => setTimeout(r, 20))
    expect(stores.folder.getState().signoffs.map((s) => s.id)).toEqual([made?.id])
    expect(transport.calls.filter((c) => c.method === 'signoffs.list').length).toBeGreaterThanOrEqual(2)

    signoff.open({ promptId: 'p-triage', runId: 'missing', slice, label: 'v1 on m' })
    expect(await signoff.submit({ name: 'ana', role: 'PM', comment: '', keyId: null })).toBeNull()
    expect(stores.signoff.getState().submit.error?.code).toBe('NOT_FOUND')
    stores.dispose()
  })

  it('offers only the keys of the name signing off, and describes hashes and signatures briefly', () => {
    const key = (keyId: string, owner: string) => ({
      keyId,
      owner,
      createdAt: '2025-03-01T10:00:00.000Z',
      publicKey: 'x',
      storage: 'session' as const,
    })
    const keys = [key('a'.repeat(16), 'Ana'), key('b'.repeat(16), 'Priya Shah')]
    expect(keysOwnedBy(keys, ' Priya Shah ').map((k) => k.owner)).toEqual(['Priya Shah'])
    expect(keysOwnedBy(keys, '')).toEqual([])
    expect(shortHash(`sha256:${'0123456789'.repeat(7)}`)).toBe('012345678901')
    expect(signatureText({ signature: null })).toBe('unsigned')
  })
})
