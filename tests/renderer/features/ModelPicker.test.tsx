import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderView } from '../../../shared/domain/providers'
import { createFakeCore, defaultState, version, type FakeCoreState } from '../fixtures/fake-core'
import { seedDataset } from '../fixtures/fake-datasets'
import { builtInProviders } from '../fixtures/fake-runs'
import { appState, renderApp } from './render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

/** The user's own server, added in Settings: OpenAI-compatible on this machine. */
const localLlm: ProviderView = {
  name: 'local-llm',
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:8000/v1',
  concurrency: 4,
  requestsPerMinute: null,
  locality: 'auto',
  isLocal: true,
  localityReason: 'loopback address',
  requestTimeoutMs: null,
  idleTimeoutMs: null,
  apiVersion: null,
  region: null,
  deployments: {},
  keySource: 'not-needed',
  keyEnvVar: 'EVALLAB_LOCAL_LLM_API_KEY',
  builtIn: false,
}

function stateWith(prepare: (state: FakeCoreState) => void = () => undefined): FakeCoreState {
  const state = defaultState()
  state.providers = [...builtInProviders.map((p) => ({ ...p })), { ...localLlm }]
  state.prices = [
    {
      provider: 'local-llm',
      model: 'qwen2.5-7b',
      inputPerMTok: 0,
      outputPerMTok: 0,
      cachedInputPerMTok: null,
    },
  ]
  state.tableModels = { openai: ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18'] }
  prepare(state)
  return state
}

async function openFirstPrompt(state: FakeCoreState) {
  const core = createFakeCore(state)
  const view = renderApp(core.transport)
  await waitFor(() => expect(appState()).toBe('ready'))
  fireEvent.click(screen.getAllByTestId('prompt-item')[0]!)
  await screen.findByTestId('editor-tab')
  return { core, ...view }
}

const byId = <T extends HTMLElement = HTMLElement>(id: string) => screen.getByTestId<T>(id)
const change = (testId: string, value: string) => fireEvent.change(byId(testId), { target: { value } })
const optionTexts = (select: HTMLSelectElement) => [...select.options].map((o) => [o.value, o.textContent])
const suggestions = () => [...byId('model-suggestions').querySelectorAll('option')].map((o) => o.value)

describe('the prompt’s model picker', () => {
  it('offers every provider from Settings with its known models, and any typed model id', async () => {
    const { core } = await openFirstPrompt(stateWith())
    const provider = byId<HTMLSelectElement>('model-provider')
    await waitFor(() =>
      expect(optionTexts(provider)).toEqual([
        ['openai', 'openai · OpenAI'],
        ['anthropic', 'anthropic · Anthropic'],
        ['demo', 'demo · simulated'],
        ['local-llm', 'local-llm · OpenAI-compatible, local'],
      ]),
    )
    // No legacy "openai-compatible" pretending to be a provider.
    expect(optionTexts(provider).some(([value]) => value === 'openai-compatible')).toBe(false)
    await waitFor(() => expect(suggestions()).toEqual(['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18']))

    change('model-provider', 'local-llm')
    await waitFor(() => expect(suggestions()).toEqual(['qwen2.5-7b']))
    change('model-id', 'my-own-finetune:7b')
    // A server of the user's own names its own models: an undated tag is no moving alias there.
    expect(screen.queryByTestId('model-warning')).toBeNull()
    expect(screen.queryByTestId('model-unknown-provider')).toBeNull()
    change('commit-message', 'Our own model')
    fireEvent.click(byId('save-version'))
    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved as v3.')
    const saved = core.transport.calls.filter((c) => c.method === 'prompts.saveVersion').at(-1)?.input
    expect(saved).toMatchObject({ model: { provider: 'local-llm', model: 'my-own-finetune:7b' } })
  })

  it('flags a pin to a provider Settings does not have, names the fixes, and still saves', async () => {
    const legacy = { provider: 'openai-compatible', model: 'qwen2.5-7b' }
    const { core } = await openFirstPrompt(
      stateWith((state) => {
        state.prompts[0]!.versions = [version('p-reply', 1, 'Ticket: {{ticket}}', { model: legacy })]
      }),
    )
    const note = await screen.findByTestId('model-unknown-provider')
    expect(note.textContent).toBe(
      'openai-compatible/qwen2.5-7b is pinned to a provider that does not exist: no provider is named ' +
        'openai-compatible in Settings. Runs, gates and promotion cannot reach this model. Add a provider ' +
        'named openai-compatible in Settings → Providers, or pin the model to a configured provider ' +
        '(openai, anthropic, local-llm).',
    )
    const provider = byId<HTMLSelectElement>('model-provider')
    expect(provider.value).toBe('openai-compatible')
    expect(provider.options[0]?.textContent).toBe('openai-compatible · not configured')

    // Saving is allowed (CI may name the provider); the save bar says what it will not do here.
    const message = within(byId('message-editor-1')).getByRole<HTMLTextAreaElement>('textbox')
    fireEvent.change(message, { target: { value: 'Hi {{ticket}}' } })
    expect(byId('save-unknown-provider').textContent).toContain('v2 will pin openai-compatible/qwen2.5-7b')
    change('commit-message', 'Shorter')
    fireEvent.click(byId('save-version'))
    expect((await screen.findByTestId('save-status')).textContent).toBe('Saved as v2.')
    expect(core.transport.calls.some((c) => c.method === 'prompts.saveVersion')).toBe(true)

    // Promotion says it too, before its requirements: no gate can ever run on that model here.
    fireEvent.click(byId('promote-prod'))
    expect((await screen.findByTestId('promotion-unknown-provider')).textContent).toContain(
      'No eval gate can run on it here, so prod promotion has no evidence',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))

    // Picking a configured provider clears the flag.
    change('model-provider', 'local-llm')
    expect(screen.queryByTestId('model-unknown-provider')).toBeNull()
  })
})

describe('Run vN from a prompt', () => {
  const modelBox = (key: string) =>
    screen.getAllByTestId<HTMLInputElement>('new-run-model').find((el) => el.dataset.model === key)

  it('opens the new-run form on the version shown, with its pinned model checked', async () => {
    const pinned = { provider: 'local-llm', model: 'qwen2.5-7b' }
    const state = stateWith((s) => {
      s.prompts[0]!.versions = [
        version('p-reply', 1, 'Ticket: {{ticket}}', { model: pinned }),
        version('p-reply', 2, 'Ticket: {{ticket}}\nBe brief.'),
      ]
      seedDataset(s, 'ds-tickets', 12, 'Tickets')
    })
    await openFirstPrompt(state)
    // The older version, opened from the version list.
    fireEvent.click(screen.getAllByTestId('version-item').find((el) => el.dataset.versionNumber === '1')!)
    await waitFor(() => expect(byId('prompt-detail').dataset.versionNumber).toBe('1'))
    fireEvent.click(byId('run-version'))

    await screen.findByTestId('new-run')
    await waitFor(() => expect(byId<HTMLSelectElement>('new-run-prompt').value).toBe('p-reply'))
    await waitFor(() => expect(byId<HTMLInputElement>('new-run-version-1').checked).toBe(true))
    expect(byId<HTMLInputElement>('new-run-version-2').checked).toBe(false)
    await waitFor(() => expect(modelBox('local-llm/qwen2.5-7b')?.checked).toBe(true))
    expect(byId<HTMLSelectElement>('new-run-dataset').value).toBe('ds-tickets')
    expect(screen.queryByTestId('new-run-model-warning')).toBeNull()
    await waitFor(() =>
      expect([...byId('new-run-model-suggestions').querySelectorAll('option')].map((o) => o.value)).toContain(
        'local-llm/qwen2.5-7b',
      ),
    )
  })

  it('ticks the pinned model even when its provider is missing, and says how to fix it', async () => {
    const legacy = { provider: 'openai-compatible', model: 'qwen2.5-7b' }
    const state = stateWith((s) => {
      s.prompts[0]!.versions = [version('p-reply', 1, 'Ticket: {{ticket}}', { model: legacy })]
      seedDataset(s, 'ds-tickets', 12, 'Tickets')
    })
    await openFirstPrompt(state)
    fireEvent.click(byId('run-version'))
    await waitFor(() => expect(modelBox('openai-compatible/qwen2.5-7b')?.checked).toBe(true))
    const warning = await screen.findByTestId('new-run-model-warning')
    expect(warning.textContent).toBe(
      'No provider named openai-compatible in Settings (v1 pins it): add it in Settings, or run the model ' +
        'through a configured provider (openai, anthropic, local-llm).',
    )
  })
})
