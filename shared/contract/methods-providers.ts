import { z } from 'zod'
import {
  priceOverrideSchema,
  providerConfigSchema,
  providerListSchema,
  providerModelsSchema,
  providerNameSchema,
  providerViewSchema,
} from '../domain/providers'
import type { MethodSpec } from './methods'

const byName = z.object({ name: providerNameSchema }).strict()
const priceKey = z.object({ provider: providerNameSchema, model: z.string().trim().min(1) }).strict()

/** Provider settings and price overrides. Keys go in through `setKey` and never come back out. */
export const providerMethods = {
  'providers.list': {
    input: z.object({}).strict(),
    output: providerListSchema,
    // Where a key comes from is read from the OS keychain; the audit row of `setKey` is its only trace here.
    reads: ['provider_settings', 'audit_log'],
  },
  'providers.save': {
    input: providerConfigSchema,
    output: providerViewSchema,
    writes: ['provider_settings', 'audit_log'],
  },
  'providers.delete': { input: byName, output: z.null(), writes: ['provider_settings', 'audit_log'] },
  /** Stores (or with null, forgets) a key in the OS keychain; refused where keys come from the environment. */
  'providers.setKey': {
    input: z
      .object({ name: providerNameSchema, apiKey: z.string().trim().min(1).max(4096).nullable() })
      .strict(),
    output: providerViewSchema,
    // The key itself goes to the OS keychain, not the workspace; only the audit row is written here.
    writes: ['audit_log'],
  },
  /** Per configured provider, the models it is known to serve: for pickers, never a limit on what may be typed. */
  'providers.models': {
    input: z.object({}).strict(),
    output: z.array(providerModelsSchema),
    reads: ['provider_settings', 'price_overrides', 'prompt_versions', 'runs'],
  },
  'prices.list': {
    input: z.object({}).strict(),
    output: z.array(priceOverrideSchema),
    reads: ['price_overrides'],
  },
  'prices.save': {
    input: priceOverrideSchema,
    output: priceOverrideSchema,
    writes: ['price_overrides', 'audit_log'],
  },
  'prices.delete': { input: priceKey, output: z.null(), writes: ['price_overrides', 'audit_log'] },
} satisfies Record<string, MethodSpec>
