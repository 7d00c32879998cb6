import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderView } from '../../../../../shared/domain/providers'
import type { FakeCoreState } from '../../../fixtures/fake-core'
import { builtInProviders } from '../../../fixtures/fake-runs'
import { calls, openRuns } from '../helpers'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const modelBox = (key: string) =>
  screen.getAllByTestId<HTMLInputElement>('new-run-model').find((el) => el.dataset.model === key)

// The user's own providers: OpenAI through a key of their own (a Batch API) and an Azure deployment (none).
function ownProviders(state: FakeCoreState, priced = true): void {
  const openai = builtInProviders[0] as ProviderView
  state.providers = [
    ...builtInProviders,
    { ...openai, name: 'acme-openai', builtIn: false, keySource: 'keychain' },
    {
      ...openai,
      name: 'azure-prod',
      kind: 'azure-openai',
      baseUrl: 'https://acme.openai.azure.com',
      apiVersion: '2024-10-21',
      builtIn: false,
      keySource: 'keychain',
    },
  ]
  const price = (provider: string, model: string, inputPerMTok: number) => ({
    provider,
    model,
    inputPerMTok,
    outputPerMTok: inputPerMTok * 4,
    cachedInputPerMTok: null,
  })
  state.prices = [
    price('acme-openai', 'gpt-4o-mini', 2),
    ...(priced ? [price('azure-prod', 'gpt-4o', 4)] : []),
  ]
}

async function planTwoModels() {
  fireEvent.click(byId('runs-new'))
  await waitFor(() => expect(modelBox('anthropic/claude-3-5-haiku-20241022')?.checked).toBe(true))
  fireEvent.click(modelBox('anthropic/claude-3-5-haiku-20241022') as HTMLInputElement)
  for (const model of ['acme-openai/gpt-4o-mini', 'azure-prod/gpt-4o']) {
    fireEvent.change(byId('new-run-add-model'), { target: { value: model } })
    fireEvent.click(byId('new-run-add-model-button'))
  }
}

describe('run dialog: streamed or batch', () => {
  it('shows both estimates side by side and per provider whether it goes as a batch job, and why', async () => {
    const { core } = await openRuns(ownProviders)
    await planTwoModels()
    // 145 cases × 120 input tokens: $0.0348 at $2 and $0.0696 at $4; batch halves only the OpenAI share.
    await waitFor(() => expect(byId('estimate-cost-stream').textContent).toBe('$0.10'))
    expect(byId('estimate-cost-batch').textContent).toBe('$0.087')
    expect(byId('estimate-time-stream').textContent).toBe('2 min 25 s')
    expect(byId('estimate-time-batch').textContent).toBe('within 24 h (streamed calls: 1 min 13 s)')
    const support = screen.getAllByTestId('new-run-batch-support')
    expect(support.map((li) => [li.dataset.provider, li.dataset.supported])).toEqual([
      ['acme-openai', 'true'],
      ['azure-prod', 'false'],
    ])
    expect(support[0]?.textContent).toContain('batch job — OpenAI Batch API')
    expect(support[1]?.textContent).toContain('streamed — Azure')

    const stream = byId<HTMLInputElement>('new-run-mode-stream')
    const batch = byId<HTMLInputElement>('new-run-mode-batch')
    expect(stream.checked).toBe(true)
    expect(within(byId('new-run-mode')).getByLabelText(/Batch — half price, results within 24 h/)).toBe(batch)
    expect(calls(core, 'runs.plan').at(-1)?.input).toMatchObject({ mode: 'stream' })
    fireEvent.click(batch)
    await waitFor(() => expect(calls(core, 'runs.plan').at(-1)?.input).toMatchObject({ mode: 'batch' }))
    // The plan's own figures follow the mode.
    await waitFor(() => expect(byId('estimate-cost').textContent).toBe('$0.087'))
    expect(byId('estimate-time').textContent).toBe('within 24 h (streamed calls: 1 min 13 s)')

    fireEvent.click(byId('new-run-start'))
    await screen.findByTestId('run-detail')
    expect(calls(core, 'runs.start')[0]?.input).toMatchObject({ mode: 'batch' })
  })

  it('says unknown, never $0, when a model has no price', async () => {
    await openRuns((state) => ownProviders(state, false))
    await planTwoModels()
    await waitFor(() => expect(byId('estimate-cost-stream').textContent).toBe('unknown'))
    expect(byId('estimate-cost-batch').textContent).toBe('unknown')
    expect(byId('estimate-cost-batch').title).toContain('no known price')
  })
})
