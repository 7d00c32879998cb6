import type { z } from 'zod'
import {
  concurrencyBounds,
  idleTimeoutBounds,
  providerConfigSchema,
  requestTimeoutBounds,
  rpmBounds,
  type ProviderConfig,
  type ProviderLocality,
  type ProviderView,
} from '../../../../shared/domain/providers'
import { wholeNumber } from '../../lib/whole-number'

/** One row of Azure's deployments editor: a model id and the deployment that serves it, as typed. */
export interface DeploymentRow {
  model: string
  deployment: string
}

/** What the add and edit forms hold: the text of each field, as typed. */
export interface ProviderFormText {
  baseUrl: string
  concurrency: string
  rpm: string
  locality: ProviderLocality
  requestTimeoutS: string
  idleTimeoutS: string
  /** Azure OpenAI. */
  apiVersion: string
  deployments: DeploymentRow[]
  /** AWS Bedrock. */
  region: string
}

type TextField = Exclude<keyof ProviderFormText, 'deployments'>

export type ProviderFormErrors = Partial<Record<TextField, string>> & {
  /** One message per deployments row that is wrong, by row index. */
  deploymentRows?: Partial<Record<number, string>>
  /** A problem of no one field (e.g. the name). */
  form?: string
}

const secondsText = (ms: number | null): string => (ms === null ? '' : String(ms / 1000))

export const emptyFormText: ProviderFormText = {
  baseUrl: '',
  concurrency: '4',
  rpm: '',
  locality: 'auto',
  requestTimeoutS: '',
  idleTimeoutS: '',
  apiVersion: '',
  deployments: [],
  region: '',
}

export function formTextOf(p: ProviderView): ProviderFormText {
  return {
    baseUrl: p.baseUrl ?? '',
    concurrency: String(p.concurrency),
    rpm: p.requestsPerMinute === null ? '' : String(p.requestsPerMinute),
    locality: p.locality,
    requestTimeoutS: secondsText(p.requestTimeoutMs),
    idleTimeoutS: secondsText(p.idleTimeoutMs),
    apiVersion: p.apiVersion ?? '',
    deployments: Object.entries(p.deployments).map(([model, deployment]) => ({ model, deployment })),
    region: p.region ?? '',
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

/** The numbers of the form, or the fields that are not numbers in range. */
function parseNumbers(text: ProviderFormText) {
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
  return { concurrency, rpm, requestTimeoutMs, idleTimeoutMs, errors }
}

/** The rows as a map; blank rows are left out, half-filled or repeated models are errors. */
function parseDeploymentRows(rows: readonly DeploymentRow[]) {
  const deployments: Record<string, string> = {}
  const errors: Partial<Record<number, string>> = {}
  rows.forEach((row, i) => {
    const model = row.model.trim()
    const deployment = row.deployment.trim()
    if (model === '' && deployment === '') return
    if (model === '') errors[i] = 'Give the model id this deployment serves (e.g. gpt-4o-mini).'
    else if (deployment === '') errors[i] = `Give the deployment name that serves ${model}.`
    else if (Object.hasOwn(deployments, model)) errors[i] = `${model} is already mapped above.`
    else deployments[model] = deployment
  })
  return { deployments, errors }
}

const isEmpty = (errors: object): boolean => Object.keys(errors).length === 0

/**
 * The config to save, or the fields that are wrong: numbers here, the rest by the same schema the core
 * checks (an http(s) base URL, Azure's endpoint and API version, Bedrock's region, deployment names).
 */
export function parseProviderForm(
  p: Pick<ProviderView, 'name' | 'kind'>,
  text: ProviderFormText,
): { config: ProviderConfig } | { errors: ProviderFormErrors } {
  const numbers = parseNumbers(text)
  const rows = parseDeploymentRows(text.deployments)
  const { concurrency, rpm, requestTimeoutMs, idleTimeoutMs, errors } = numbers
  if (!isEmpty(rows.errors)) errors.deploymentRows = rows.errors
  if (concurrency === null || requestTimeoutMs === undefined || idleTimeoutMs === undefined) return { errors }
  if (!isEmpty(errors)) return { errors }
  const parsed = providerConfigSchema.safeParse({
    name: p.name,
    kind: p.kind,
    baseUrl: text.baseUrl.trim() || null,
    concurrency,
    requestsPerMinute: rpm,
    locality: text.locality,
    requestTimeoutMs,
    idleTimeoutMs,
    apiVersion: p.kind === 'azure-openai' ? text.apiVersion.trim() || null : null,
    region: p.kind === 'bedrock' ? text.region.trim() || null : null,
    deployments: p.kind === 'azure-openai' ? rows.deployments : {},
  })
  if (parsed.success) return { config: parsed.data }
  return { errors: schemaErrors(parsed.error, text.deployments) }
}

const fieldOfPath: Readonly<Record<string, TextField>> = {
  baseUrl: 'baseUrl',
  apiVersion: 'apiVersion',
  region: 'region',
  concurrency: 'concurrency',
  requestsPerMinute: 'rpm',
  requestTimeoutMs: 'requestTimeoutS',
  idleTimeoutMs: 'idleTimeoutS',
}

/** Each schema issue beside its field: a deployment's beside its row, the name's above the form. */
function schemaErrors(error: z.ZodError, rows: readonly DeploymentRow[]): ProviderFormErrors {
  const errors: ProviderFormErrors = {}
  for (const issue of error.issues) {
    const [head, model] = issue.path
    if (head === 'deployments') {
      const index = rows.findIndex((r) => r.model.trim() === model)
      errors.deploymentRows = { ...errors.deploymentRows, [Math.max(index, 0)]: issue.message }
      continue
    }
    const field = typeof head === 'string' ? fieldOfPath[head] : undefined
    if (field) errors[field] ??= issue.message
    else errors.form ??= head === 'name' ? `Name: ${issue.message}` : issue.message
  }
  return errors
}
