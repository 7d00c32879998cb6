import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput } from '../../../../shared/contract'
import type {
  PriceOverride,
  ProviderModels,
  ProviderView,
  SecretStoreInfo,
} from '../../../../shared/domain/providers'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'

/** Tables whose change makes the provider list or the price overrides stale. */
export const providersTables = ['provider_settings'] as const
export const pricesTables = ['price_overrides'] as const
/** What the known models are drawn from: providers, the user's prices, pinned versions and runs' plans. */
export const knownModelsTables = ['provider_settings', 'price_overrides', 'prompt_versions', 'runs'] as const

/** Which write a submit state belongs to: `provider:<name>`, `key:<name>`, `delete:<name>`, `add`, `price`, `price-delete`. */
export type SubmitKey = string

export interface ProvidersActions {
  /** Loads providers and prices once; later changes arrive via refresh. */
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
  refreshPrices: () => Promise<void>
  /** Loads the models each provider is known to serve once (for the model pickers); later via refreshModels. */
  ensureModels: () => Promise<void>
  refreshModels: () => Promise<void>
  /** providers.save; true when saved. `submitKey` names the form that shows the outcome. */
  save: (config: MethodInput<'providers.save'>, submitKey: SubmitKey) => Promise<boolean>
  remove: (name: string) => Promise<boolean>
  /** Stores a key in the OS keychain (null forgets it). The key is never kept in this store. */
  setKey: (name: string, apiKey: string | null) => Promise<boolean>
  savePrice: (price: MethodInput<'prices.save'>) => Promise<boolean>
  deletePrice: (provider: string, model: string) => Promise<boolean>
  resetSubmit: (key: SubmitKey) => void
}

export interface ProvidersState {
  providers: ProviderView[]
  secretStore: SecretStoreInfo | null
  load: LoadState
  prices: PriceOverride[]
  pricesLoad: LoadState
  models: ProviderModels[]
  modelsLoad: LoadState
  submits: Readonly<Record<SubmitKey, SubmitState>>
  actions: ProvidersActions
}

export type ProvidersStore = StoreApi<ProvidersState>

export function createProvidersStore(client: ApiClient): ProvidersStore {
  const listSeq = createSequence()
  const priceSeq = createSequence()
  const modelSeq = createSequence()

  return createStore<ProvidersState>()((set, get) => {
    const mark = (key: SubmitKey, state: SubmitState) =>
      set((s) => ({ submits: { ...s.submits, [key]: state } }))

    /** One write: busy, then done (and the view replaced) or the core's refusal under `key`. */
    async function write<T>(key: SubmitKey, request: () => Promise<T>, onDone?: (value: T) => void) {
      if (get().submits[key]?.status === 'busy') return false
      mark(key, submitBusy)
      try {
        const value = await request()
        onDone?.(value)
        mark(key, submitDone)
        return true
      } catch (error) {
        mark(key, submitFailed(toErrorInfo(error)))
        return false
      }
    }

    const replaceView = (view: ProviderView) =>
      set((s) => {
        const at = s.providers.findIndex((p) => p.name === view.name)
        if (at < 0) return { providers: [...s.providers, view] }
        const providers = [...s.providers]
        providers[at] = view
        return { providers }
      })

    async function loadProviders(): Promise<void> {
      const n = listSeq.next()
      if (get().load.status !== 'ready') set({ load: loading })
      await settleLatest(listSeq, n, client.call('providers.list', {}), {
        value: ({ providers, secretStore }) => set({ providers, secretStore, load: ready }),
        error: (error) => set({ load: failed(error) }),
      })
    }

    async function loadPrices(): Promise<void> {
      const n = priceSeq.next()
      if (get().pricesLoad.status !== 'ready') set({ pricesLoad: loading })
      await settleLatest(priceSeq, n, client.call('prices.list', {}), {
        value: (prices) => set({ prices, pricesLoad: ready }),
        error: (error) => set({ pricesLoad: failed(error) }),
      })
    }

    async function loadModels(): Promise<void> {
      const n = modelSeq.next()
      if (get().modelsLoad.status !== 'ready') set({ modelsLoad: loading })
      await settleLatest(modelSeq, n, client.call('providers.models', {}), {
        value: (models) => set({ models, modelsLoad: ready }),
        error: (error) => set({ modelsLoad: failed(error) }),
      })
    }

    const actions: ProvidersActions = {
      async ensureLoaded() {
        await Promise.all([
          get().load.status === 'idle' ? loadProviders() : undefined,
          get().pricesLoad.status === 'idle' ? loadPrices() : undefined,
        ])
      },
      async refresh() {
        if (get().load.status !== 'idle') await loadProviders()
      },
      async refreshPrices() {
        if (get().pricesLoad.status !== 'idle') await loadPrices()
      },
      async ensureModels() {
        if (get().modelsLoad.status === 'idle') await loadModels()
      },
      async refreshModels() {
        if (get().modelsLoad.status !== 'idle') await loadModels()
      },
      save: (config, key) => write(key, () => client.call('providers.save', config), replaceView),
      remove: (name) =>
        write(
          `delete:${name}`,
          () => client.call('providers.delete', { name }),
          () => set((s) => ({ providers: s.providers.filter((p) => p.name !== name) })),
        ),
      setKey: (name, apiKey) =>
        write(`key:${name}`, () => client.call('providers.setKey', { name, apiKey }), replaceView),
      savePrice: (price) =>
        write(
          'price',
          () => client.call('prices.save', price),
          (saved) =>
            set((s) => ({
              prices: [
                ...s.prices.filter((p) => p.provider !== saved.provider || p.model !== saved.model),
                saved,
              ],
            })),
        ),
      deletePrice: (provider, model) =>
        write(
          'price-delete',
          () => client.call('prices.delete', { provider, model }),
          () =>
            set((s) => ({ prices: s.prices.filter((p) => p.provider !== provider || p.model !== model) })),
        ),
      resetSubmit: (key) => mark(key, submitIdle),
    }

    return {
      providers: [],
      secretStore: null,
      load: idle,
      prices: [],
      pricesLoad: idle,
      models: [],
      modelsLoad: idle,
      submits: {},
      actions,
    }
  })
}
