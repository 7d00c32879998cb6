import { z } from 'zod'
import type { ProviderConfig, ProviderKind, ProviderLocality } from '../../../../../shared/domain/providers'
import type { Db } from '../connection'

interface ProviderRow {
  name: string
  kind: ProviderKind
  base_url: string | null
  concurrency: number
  requests_per_minute: number | null
  locality: ProviderLocality
  request_timeout_ms: number | null
  idle_timeout_ms: number | null
  api_version: string | null
  region: string | null
  deployments: string
}

const columns =
  'name, kind, base_url, concurrency, requests_per_minute, locality, request_timeout_ms, idle_timeout_ms, ' +
  'api_version, region, deployments'

export type ProviderSettingsRepo = ReturnType<typeof createProviderSettingsRepo>

/** Provider rows as the user configured them. There is no key here, by design (see migration 0005). */
export function createProviderSettingsRepo(db: Db) {
  const statements = {
    list: db.prepare<[], ProviderRow>(`SELECT ${columns} FROM provider_settings ORDER BY name`),
    get: db.prepare<[string], ProviderRow>(`SELECT ${columns} FROM provider_settings WHERE name = ?`),
    upsert: db.prepare(
      `INSERT INTO provider_settings (${columns}, updated_at)
       VALUES (@name, @kind, @baseUrl, @concurrency, @requestsPerMinute, @locality, @requestTimeoutMs,
         @idleTimeoutMs, @apiVersion, @region, @deployments, @updatedAt)
       ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, base_url = excluded.base_url,
         concurrency = excluded.concurrency, requests_per_minute = excluded.requests_per_minute,
         locality = excluded.locality, request_timeout_ms = excluded.request_timeout_ms,
         idle_timeout_ms = excluded.idle_timeout_ms, api_version = excluded.api_version,
         region = excluded.region, deployments = excluded.deployments, updated_at = excluded.updated_at`,
    ),
    delete: db.prepare('DELETE FROM provider_settings WHERE name = ?'),
  }
  return {
    list: (): ProviderConfig[] => statements.list.all().map(toConfig),
    get: (name: string): ProviderConfig | undefined => {
      const row = statements.get.get(name)
      return row ? toConfig(row) : undefined
    },
    upsert: (config: ProviderConfig, updatedAt: string): void => {
      statements.upsert.run({ ...config, deployments: JSON.stringify(config.deployments), updatedAt })
    },
    /** True when a row was removed. */
    delete: (name: string): boolean => statements.delete.run(name).changes > 0,
  }
}

function toConfig(row: ProviderRow): ProviderConfig {
  return {
    name: row.name,
    kind: row.kind,
    baseUrl: row.base_url,
    concurrency: row.concurrency,
    requestsPerMinute: row.requests_per_minute,
    locality: row.locality,
    requestTimeoutMs: row.request_timeout_ms,
    idleTimeoutMs: row.idle_timeout_ms,
    apiVersion: row.api_version,
    region: row.region,
    deployments: deploymentsSchema.parse(JSON.parse(row.deployments)),
  }
}

const deploymentsSchema = z.record(z.string(), z.string())
