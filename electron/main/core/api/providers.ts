import { AppError } from '../../../../shared/contract'
import type { ProviderConfig, ProviderView } from '../../../../shared/domain/providers'
import type { Handlers } from '../dispatch'
import {
  builtInKinds,
  findProvider,
  isBuiltIn,
  listProviders,
  providerView,
  type KeySources,
} from '../llm/catalog'
import { knownModels } from '../llm/known-models'
import { writeTransaction, type CoreContext } from '../context'

type ProviderHandlers = Pick<
  Handlers,
  'providers.list' | 'providers.save' | 'providers.delete' | 'providers.setKey' | 'providers.models'
>

/** Provider settings. Keys go into the secret store and never come back: views say only where one is. */
export function providerHandlers(ctx: CoreContext, keys: KeySources): ProviderHandlers {
  return {
    'providers.list': () => ({
      providers: listProviders(ctx.repos).map((config) => providerView(config, keys)),
      secretStore: keys.secrets.info(),
    }),

    'providers.save': (config) => {
      checkConfig(config)
      writeTransaction(ctx, () => {
        const existed = ctx.repos.providerSettings.get(config.name) !== undefined
        ctx.repos.providerSettings.upsert(config, ctx.now())
        audit(ctx, existed ? 'provider.updated' : 'provider.added', config.name, { ...config })
      })
      // Runs and judges already calling this provider take its new concurrency and rate from now on.
      ctx.llm.settingsChanged(config.name)
      return providerView(config, keys)
    },

    'providers.delete': async ({ name }) => {
      if (isBuiltIn(name))
        throw new AppError('INVALID_INPUT', `The built-in provider "${name}" cannot be deleted`)
      writeTransaction(ctx, () => {
        const runs = ctx.repos.runs.unfinishedUsingProvider(name)
        if (runs.length > 0) {
          const list = runs.map((r) => `"${r}"`).join(', ')
          throw new AppError('CONFLICT', `Provider "${name}" is used by unfinished runs: ${list}`, { runs })
        }
        if (!ctx.repos.providerSettings.delete(name)) throw new AppError('NOT_FOUND', `No provider "${name}"`)
        audit(ctx, 'provider.deleted', name, {})
      })
      // A deleted provider's key must not linger in the keychain, ready for a new provider of that name.
      if (keys.secrets.info().canStoreKeys && keys.secrets.get(name) !== undefined) {
        await keys.secrets.set(name, null)
      }
      return null
    },

    'providers.setKey': async ({ name, apiKey }) => setKey(ctx, keys, name, apiKey),

    'providers.models': () => knownModels(ctx.repos),
  }
}

async function setKey(
  ctx: CoreContext,
  keys: KeySources,
  name: string,
  apiKey: string | null,
): Promise<ProviderView> {
  const config = findProvider(ctx.repos, name)
  if (!config) throw new AppError('NOT_FOUND', `No provider "${name}": add it in Settings → Providers first`)
  if (config.kind === 'demo') throw new AppError('INVALID_INPUT', 'The demo provider needs no key')
  if (config.kind === 'bedrock') {
    throw new AppError(
      'INVALID_INPUT',
      `Provider "${name}" signs calls with the AWS credential chain: it takes no key`,
    )
  }
  await keys.secrets.set(name, apiKey)
  // Who changed a key and when, never the key: the entry says only whether one is now stored.
  writeTransaction(ctx, () =>
    audit(ctx, apiKey === null ? 'provider.keyRemoved' : 'provider.keySet', name, {}),
  )
  return providerView(config, keys)
}

/** What the schema cannot know: built-ins keep their kind, and credentials never hide in a base URL. */
function checkConfig(config: ProviderConfig): void {
  const builtIn = builtInKinds[config.name]
  if (builtIn && builtIn !== config.kind) {
    throw new AppError('INVALID_INPUT', `The built-in provider "${config.name}" is always of kind ${builtIn}`)
  }
  if (config.baseUrl !== null) {
    const url = new URL(config.baseUrl)
    if (url.username || url.password) {
      throw new AppError(
        'INVALID_INPUT',
        'The base URL must not contain a user name or password: give the key with "Set key" instead',
      )
    }
  }
}

function audit(ctx: CoreContext, action: string, name: string, details: Record<string, unknown>): void {
  ctx.repos.audit.append({
    at: ctx.now(),
    actor: ctx.user,
    action,
    entityType: 'provider',
    entityId: name,
    details,
  })
}
