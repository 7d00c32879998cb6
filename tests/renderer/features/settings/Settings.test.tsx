import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeCore, defaultState, type FakeCoreState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'
import { calls } from '../runs/helpers'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const secret = 'sk-test-THIS-MUST-NEVER-SHOW-0123456789'

async function openSettings(prepare: (state: FakeCoreState) => void = () => undefined) {
  const state = defaultState()
  prepare(state)
  const core = createFakeCore(state)
  const view = renderApp(core.transport, { initialRoute: 'settings' })
  await waitFor(() => expect(appState()).toBe('ready'))
  await waitFor(() => expect(screen.getAllByTestId('provider-row').length).toBeGreaterThan(0))
  return { core, state, ...view }
}

const providerRow = (name: string) =>
  screen.getAllByTestId('provider-row').find((r) => r.dataset.name === name)!

describe('providers', () => {
  it('lists each provider with its kind, limits and where its key comes from', async () => {
    await openSettings()
    const rows = screen.getAllByTestId('provider-row')
    expect(rows.map((r) => r.dataset.name)).toEqual(['openai', 'anthropic', 'demo'])
    const keySource = (name: string) =>
      within(providerRow(name)).getByTestId('provider-key-source').textContent
    expect(keySource('openai')).toBe('not set — set OPENAI_API_KEY')
    expect(keySource('anthropic')).toBe('environment (ANTHROPIC_API_KEY)')
    expect(keySource('demo')).toBe('not needed')
    expect(providerRow('anthropic').textContent).toContain('50 requests a minute')
    expect(within(providerRow('demo')).queryByTestId('provider-key')).toBeNull()
  })

  it('saves a key without ever showing it, clears the field, and can remove it', async () => {
    const { core, state } = await openSettings()
    const row = providerRow('openai')
    const field = within(row).getByTestId<HTMLInputElement>('provider-key')
    expect(field.type).toBe('password')
    expect(field.value).toBe('')
    expect(within(row).getByTestId<HTMLButtonElement>('provider-key-remove').disabled).toBe(true)

    fireEvent.change(field, { target: { value: secret } })
    fireEvent.click(within(row).getByTestId('provider-key-save'))
    await waitFor(() =>
      expect(within(providerRow('openai')).getByTestId('provider-key-source').textContent).toBe(
        'OS keychain',
      ),
    )
    expect(calls(core, 'providers.setKey')[0]?.input).toEqual({ name: 'openai', apiKey: secret })
    expect(state.keys?.openai).toBe(secret)
    // The field is cleared once the save settles, which may render after the new key source.
    await waitFor(() =>
      expect(within(providerRow('openai')).getByTestId<HTMLInputElement>('provider-key').value).toBe(''),
    )
    expect(document.body.innerHTML).not.toContain(secret)

    fireEvent.click(within(providerRow('openai')).getByTestId('provider-key-remove'))
    await waitFor(() =>
      expect(within(providerRow('openai')).getByTestId('provider-key-source').textContent).toBe(
        'not set — set OPENAI_API_KEY',
      ),
    )
    expect(calls(core, 'providers.setKey')[1]?.input).toEqual({ name: 'openai', apiKey: null })
  })

  it('names the environment variable instead of a key field where keys cannot be stored', async () => {
    await openSettings((state) => {
      state.secretStore = {
        kind: 'environment',
        canStoreKeys: false,
        reason: 'The browser host keeps no secrets; keys come from its environment.',
      }
    })
    expect(screen.getByTestId('secret-store-notice').textContent).toContain(
      'The browser host keeps no secrets',
    )
    expect(screen.queryByTestId('provider-key')).toBeNull()
    expect(within(providerRow('openai')).getByTestId('provider-key-unavailable').textContent).toContain(
      'OPENAI_API_KEY',
    )
  })

  it('says a key is optional for an OpenAI-compatible server, which is called without one', async () => {
    await openSettings((state) => {
      state.secretStore = {
        kind: 'environment',
        canStoreKeys: false,
        reason: 'Keys come from the environment.',
      }
    })
    fireEvent.change(screen.getByTestId('provider-add-name'), { target: { value: 'local-llm' } })
    fireEvent.change(screen.getByTestId('provider-add-base-url'), {
      target: { value: 'http://127.0.0.1:11434/v1' },
    })
    fireEvent.click(screen.getByTestId('provider-add'))
    await waitFor(() => expect(providerRow('local-llm')).toBeDefined())
    const row = within(providerRow('local-llm'))
    expect(row.getByTestId('provider-key-source').textContent).toBe(
      'none (optional: set EVALLAB_LOCAL_LLM_API_KEY if the server asks for one)',
    )
    expect(row.getByTestId('provider-key-unavailable').textContent).toContain('if this server asks for a key')
    // A hosted API still needs its key.
    expect(within(providerRow('openai')).getByTestId('provider-key-source').textContent).toBe(
      'not set — set OPENAI_API_KEY',
    )
  })

  it('edits limits and adds an OpenAI-compatible provider, refusing a bad base URL beside the field', async () => {
    const { core } = await openSettings()
    const row = providerRow('anthropic')
    fireEvent.change(within(row).getByTestId('provider-concurrency'), { target: { value: '2' } })
    fireEvent.change(within(row).getByTestId('provider-rpm'), { target: { value: '' } })
    fireEvent.change(within(row).getByTestId('provider-base-url'), {
      target: { value: 'https://proxy.example.com/v1' },
    })
    fireEvent.click(within(row).getByTestId('provider-save'))
    await waitFor(() => expect(providerRow('anthropic').textContent).toContain('2 calls at a time'))
    expect(calls(core, 'providers.save')[0]?.input).toEqual({
      name: 'anthropic',
      kind: 'anthropic',
      baseUrl: 'https://proxy.example.com/v1',
      concurrency: 2,
      requestsPerMinute: null,
      locality: 'auto',
      requestTimeoutMs: null,
      idleTimeoutMs: null,
      apiVersion: null,
      region: null,
      deployments: {},
    })

    expect(screen.getByTestId('providers-section').textContent).toContain('http://127.0.0.1:11434/v1')
    fireEvent.change(screen.getByTestId('provider-add-name'), { target: { value: 'ollama' } })
    fireEvent.change(screen.getByTestId('provider-add-base-url'), { target: { value: 'file:///etc/passwd' } })
    fireEvent.click(screen.getByTestId('provider-add'))
    // The shared schema's own words, beside the field; nothing is sent.
    expect((await screen.findByText('The base URL must be an http(s) URL.')).className).toBe('field-error')
    expect(calls(core, 'providers.save')).toHaveLength(1)

    fireEvent.change(screen.getByTestId('provider-add-base-url'), {
      target: { value: 'http://127.0.0.1:11434/v1' },
    })
    fireEvent.click(screen.getByTestId('provider-add'))
    await waitFor(() => expect(providerRow('ollama')).toBeTruthy())
    expect(providerRow('ollama').textContent).toContain('OpenAI-compatible')
    expect(screen.getByTestId<HTMLInputElement>('provider-add-name').value).toBe('')
  })
})

describe('provider pricing and timeouts', () => {
  it('shows a loopback server as free, and saves "hosted" and timeouts the user sets', async () => {
    const { core } = await openSettings()
    fireEvent.change(screen.getByTestId('provider-add-name'), { target: { value: 'local-llm' } })
    fireEvent.change(screen.getByTestId('provider-add-base-url'), {
      target: { value: 'http://127.0.0.1:4000/v1' },
    })
    fireEvent.click(screen.getByTestId('provider-add'))
    await waitFor(() => expect(providerRow('local-llm')).toBeTruthy())
    const locality = () => within(providerRow('local-llm')).getByTestId('provider-locality')
    expect(locality().textContent).toBe('local, free (loopback address)')

    const row = providerRow('local-llm')
    fireEvent.change(within(row).getByTestId('provider-locality-select'), { target: { value: 'hosted' } })
    fireEvent.change(within(row).getByTestId('provider-request-timeout'), { target: { value: '0.5' } })
    fireEvent.click(within(row).getByTestId('provider-save'))
    expect(within(row).getByText(/Seconds from 1 to 3600/)).toBeTruthy()
    expect(calls(core, 'providers.save')).toHaveLength(1)

    fireEvent.change(within(row).getByTestId('provider-request-timeout'), { target: { value: '45' } })
    fireEvent.change(within(row).getByTestId('provider-idle-timeout'), { target: { value: '2.5' } })
    fireEvent.click(within(row).getByTestId('provider-save'))
    await waitFor(() => expect(locality().dataset.local).toBe('false'))
    expect(locality().textContent).toContain('marked hosted')
    expect(providerRow('local-llm').textContent).toContain('timeouts: call 45 s, silence 2.5 s')
    expect(calls(core, 'providers.save')[1]?.input).toMatchObject({
      name: 'local-llm',
      locality: 'hosted',
      requestTimeoutMs: 45_000,
      idleTimeoutMs: 2_500,
    })
  })
})

describe('prices', () => {
  it('adds, lists and deletes overrides, and says they apply to later runs only', async () => {
    const { core } = await openSettings()
    const section = screen.getByTestId('prices-section')
    expect(section.textContent).toContain('Overrides apply to runs started afterwards')
    expect(section.textContent).toContain('a run keeps the prices it started with')
    // An override is a streamed price: batch calls are charged half of it, and the screen says so.
    expect(screen.getByTestId('prices-batch-note').textContent).toContain('charged half of them')
    fireEvent.change(screen.getByTestId('price-provider'), { target: { value: 'openai' } })
    fireEvent.change(screen.getByTestId('price-model'), { target: { value: 'gpt-4o-mini-2024-07-18' } })
    fireEvent.change(screen.getByTestId('price-input'), { target: { value: '0.15' } })
    fireEvent.change(screen.getByTestId('price-output'), { target: { value: '0.6' } })
    fireEvent.click(screen.getByTestId('price-save'))
    const row = await screen.findByTestId('price-row')
    expect(row.textContent).toContain('openai/gpt-4o-mini-2024-07-18')
    expect(row.textContent).toContain('$0.15')
    expect(calls(core, 'prices.save')[0]?.input).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      inputPerMTok: 0.15,
      outputPerMTok: 0.6,
      cachedInputPerMTok: null,
    })
    fireEvent.click(within(row).getByTestId('price-delete'))
    await waitFor(() => expect(screen.queryByTestId('price-row')).toBeNull())
    expect(calls(core, 'prices.delete')[0]?.input).toEqual({
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
    })
  })

  it('follows a write from anywhere: a provider and a price saved by another client show up', async () => {
    const { core } = await openSettings()
    expect(screen.queryByTestId('price-row')).toBeNull()
    // The CLI (another client of the same core) adds a provider and a price.
    await core.handlers['providers.save']!({
      name: 'vllm-lab',
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:8000/v1',
      concurrency: 2,
      requestsPerMinute: null,
      locality: 'auto',
      requestTimeoutMs: null,
      idleTimeoutMs: null,
      apiVersion: null,
      region: null,
      deployments: {},
    })
    await core.handlers['prices.save']!({
      provider: 'vllm-lab',
      model: 'qwen2.5-7b-instruct',
      inputPerMTok: 0.05,
      outputPerMTok: 0.1,
      cachedInputPerMTok: null,
    })
    core.transport.emit('db.changed', { tables: ['provider_settings', 'price_overrides', 'audit_log'] })
    await waitFor(() => expect(providerRow('vllm-lab')).toBeTruthy())
    const row = await screen.findByTestId('price-row')
    expect(row.textContent).toContain('vllm-lab/qwen2.5-7b-instruct')
  })
})
