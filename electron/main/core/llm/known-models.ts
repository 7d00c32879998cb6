import type { KnownModel, ProviderConfig, ProviderModels } from '../../../../shared/domain/providers'
import type { Repos } from '../db/repos'
import { loadPriceTable, tableModelIds, vendorTableId, type PriceTableLib } from './price-match'
import { demoModels } from './providers/demo'
import { listProviders } from './catalog'

type Source = KnownModel['sources'][number]

/** A picker shows what the workspace uses first, then the table's names; more than this helps nobody. */
const maxTableModels = 1_000

/**
 * For every configured provider (built-in or added in Settings), the models it is known to serve: those
 * pinned by prompt versions or used in runs through it, those the user priced for it, the simulated ones
 * for a demo provider, and the price table's names for its vendor (openai, anthropic) or for a gateway the
 * table knows by its base URL. A local server's own models are whatever it serves: typed freely.
 */
export async function knownModels(repos: Repos): Promise<ProviderModels[]> {
  const providers = listProviders(repos)
  const used = repos.modelUsage.used()
  const overrides = repos.priceOverrides.list()
  const needsTable = providers.some((p) => vendorTableId(p.kind) !== null || tableGateway(p))
  const lib = needsTable ? await loadPriceTable() : null
  return providers.map((config) => {
    const models = new Map<string, Set<Source>>()
    const add = (id: string, source: Source) => {
      const sources = models.get(id) ?? new Set<Source>()
      sources.add(source)
      models.set(id, sources)
    }
    if (config.kind === 'demo') demoModels.forEach((m) => add(m.id, 'simulated'))
    for (const u of used) if (u.provider === config.name) add(u.model, u.source)
    for (const o of overrides) if (o.provider === config.name) add(o.model, 'override')
    const usedCount = models.size
    if (lib) tableIds(lib, config).forEach((id) => add(id, 'price-table'))
    const list = [...models].map(([id, sources]) => ({ id, sources: [...sources] }))
    // The workspace's own models first, in the order met; then the table's, by name.
    const table = list.slice(usedCount).sort((a, b) => a.id.localeCompare(b.id))
    return { provider: config.name, models: [...list.slice(0, usedCount), ...table] }
  })
}

/** A hosted OpenAI-compatible provider may be a gateway the table knows by its base URL (OpenRouter…). */
const tableGateway = (p: ProviderConfig): boolean => p.kind === 'openai-compatible' && p.baseUrl !== null

function tableIds(lib: PriceTableLib, config: ProviderConfig): string[] {
  if (config.kind === 'demo') return []
  const ids = tableModelIds(lib, { kind: config.kind, baseUrl: config.baseUrl ?? undefined })
  return ids.slice(0, maxTableModels)
}
