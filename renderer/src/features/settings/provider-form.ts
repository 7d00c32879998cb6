import {
  concurrencyBounds,
  idleTimeoutBounds,
  requestTimeoutBounds,
  rpmBounds,
  type ProviderConfig,
  type ProviderLocality,
  type ProviderView,
} from '../../../../shared/domain/providers'
import { wholeNumber } from '../../lib/whole-number'

/** What the edit form holds: the text of each field, as typed. */
export interface ProviderFormText {
  baseUrl: string
  concurrency: string
  rpm: string
  locality: ProviderLocality
  requestTimeoutS: string
  idleTimeoutS: string
}

export type ProviderFormErrors = Partial<Record<keyof ProviderFormText, string>>

const secondsText = (ms: number | null): string => (ms === null ? '' : String(ms / 1000))

export function formTextOf(p: ProviderView): ProviderFormText {
  return {
    baseUrl: p.baseUrl ?? '',
    concurrency: String(p.concurrency),
    rpm: p.requestsPerMinute === null ? '' : String(p.requestsPerMinute),
    locality: p.locality,
    requestTimeoutS: secondsText(p.requestTimeoutMs),
    idleTimeoutS: secondsText(p.idleTimeoutMs),
  }
}

/** Seconds as typed (decimals allowed) to whole milliseconds within bounds; empty is "automatic". */
function timeoutMs(text: string, bounds: { min: number; max: number }): number | null | undefined {
  if (text.trim() === '') return null
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined
  const ms = Math.round(Number(text) * 1000)
  return ms >= bounds.min && ms <= bounds.max ? ms : undefined
}

const rangeText = (b: { min: number; max: number }) =>
  `Seconds from ${b.min / 1000} to ${b.max / 1000}, or empty for automatic.`

/** The config to save, or the fields that are wrong. The core checks the rest (an http(s) base URL). */
export function parseProviderForm(
  p: Pick<ProviderView, 'name' | 'kind' | 'apiVersion' | 'region' | 'deployments'>,
  text: ProviderFormText,
): { config: ProviderConfig } | { errors: ProviderFormErrors } {
  const concurrency = wholeNumber(text.concurrency, concurrencyBounds.min, concurrencyBounds.max)
  const rpm = text.rpm.trim() === '' ? null : wholeNumber(text.rpm, rpmBounds.min, rpmBounds.max)
  const requestTimeoutMs = timeoutMs(text.requestTimeoutS, requestTimeoutBounds)
  const idleTimeoutMs = timeoutMs(text.idleTimeoutS, idleTimeoutBounds)
  const errors: ProviderFormErrors = {}
  if (concurrency === null)
    errors.concurrency = `A whole number from ${concurrencyBounds.min} to ${concurrencyBounds.max}.`
  if (text.rpm.trim() !== '' && rpm === null) errors.rpm = 'A positive whole number, or empty.'
  if (requestTimeoutMs === undefined) errors.requestTimeoutS = rangeText(requestTimeoutBounds)
  if (idleTimeoutMs === undefined) errors.idleTimeoutS = rangeText(idleTimeoutBounds)
  if (concurrency === null || requestTimeoutMs === undefined || idleTimeoutMs === undefined) return { errors }
  if (errors.rpm) return { errors }
  return {
    config: {
      name: p.name,
      kind: p.kind,
      baseUrl: text.baseUrl.trim() || null,
      concurrency,
      requestsPerMinute: rpm,
      locality: text.locality,
      requestTimeoutMs,
      idleTimeoutMs,
      apiVersion: p.apiVersion,
      region: p.region,
      deployments: p.deployments,
    },
  }
}
