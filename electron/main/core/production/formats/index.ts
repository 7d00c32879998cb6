import { AppError } from '../../../../../shared/contract'
import type { ProductionCall, ProductionFormat } from '../../../../../shared/domain/production'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelLabel } from '../../../../../shared/lib/model-ref'
import { callText, detectLanguage } from '../language'
import { metaTags, metaVariables, metaVersion } from './call-meta'
import { RecordFields } from './fields'
import { readGeneric } from './generic'
import { readHelicone } from './helicone'
import { readLangfuse } from './langfuse'
import { readOpenAiLog } from './openai-log'
import type { FormatReader, RawCall } from './raw-call'
import { readRecords, type LogRecord } from './records'
import { requireCallFields } from './signature'

const readers: Record<ProductionFormat, FormatReader> = {
  'openai-log': readOpenAiLog,
  langfuse: readLangfuse,
  helicone: readHelicone,
  generic: readGeneric,
}

export interface LogSource {
  fileName: string
  content: string
  format: ProductionFormat | 'auto'
  defaultVersion?: number | undefined
}

/** What the parser needs to know about the prompt the log belongs to. */
export interface PromptFacts {
  name: string
  /** Version number → the model it is pinned to. */
  versions: ReadonlyMap<number, ModelRef>
  /** For entries without a timestamp (a bare generic CSV): the import time. */
  now: string
}

export interface ParsedLog {
  format: ProductionFormat
  calls: ProductionCall[]
}

/** The whole log as calls of the prompt, or an INVALID_INPUT error naming the file, line/row and field. */
export function parseProductionLog(source: LogSource, prompt: PromptFacts): ParsedLog {
  const records = readRecords(source.fileName, source.content)
  const [first] = records
  if (!first) throw new AppError('INVALID_INPUT', `${source.fileName}: the file holds no calls`)
  const format = source.format === 'auto' ? detectFormat(source.fileName, first) : source.format
  const read = readers[format]
  const seen = new Map<string, string>()
  const calls = records.map((record, index) => {
    const f = new RecordFields(source.fileName, record)
    const raw = read(f)
    requireCallFields(f, raw, format, () => guessFormat(record))
    const call = toCall(f, raw, index, source, prompt)
    const earlier = seen.get(call.externalId)
    if (earlier !== undefined) {
      f.fail('id', `call id "${call.externalId}" appears twice (also on ${earlier})`)
    }
    seen.set(call.externalId, record.where)
    return call
  })
  return { format, calls }
}

function guessFormat(record: LogRecord): ProductionFormat | null {
  try {
    return detectFormat('', record)
  } catch {
    return null
  }
}

/** By the fields of the first record, the most specific format first. */
export function detectFormat(fileName: string, record: LogRecord): ProductionFormat {
  const has = (key: string): boolean => Object.hasOwn(record.fields, key)
  if (has('request_id') || has('request_body') || has('response_body')) return 'helicone'
  if (has('startTime') || has('promptName') || has('calculatedTotalCost') || has('usageDetails')) {
    return 'langfuse'
  }
  if ((has('request') && has('response')) || has('custom_id')) return 'openai-log'
  if (has('input') || has('prompt')) return 'generic'
  const fields = Object.keys(record.fields).slice(0, 12).join(', ')
  throw new AppError(
    'INVALID_INPUT',
    `${fileName}: ${record.where}: not a known log format (fields: ${fields}); choose the format`,
  )
}

function toCall(
  f: RecordFields,
  raw: RawCall,
  index: number,
  source: LogSource,
  prompt: PromptFacts,
): ProductionCall {
  const version = raw.promptVersion ?? metaVersion(f, raw.meta) ?? source.defaultVersion ?? null
  if (version === null) f.fail('prompt version', 'no prompt version (set a default version)')
  const pinned = prompt.versions.get(version)
  if (!pinned) {
    const known = [...prompt.versions.keys()].join(', ')
    f.fail('prompt version', `"${prompt.name}" has no version ${version} (it has ${known})`)
  }
  const vars = raw.vars ?? metaVariables(raw.meta) ?? { input: raw.input ?? '' }
  const model = loggedModel(raw.model ?? modelLabel(pinned), [pinned, ...prompt.versions.values()])
  return {
    externalId: raw.externalId ?? `row-${index + 1}`,
    at: raw.at ?? prompt.now,
    promptVersion: version,
    provider: model.provider,
    model: model.model,
    vars,
    // A call answered only with tool calls has no text; its answer is the calls, stored beside an empty text.
    output: raw.output === null && raw.toolCalls.length > 0 && raw.error === null ? '' : raw.output,
    toolCalls: raw.toolCalls,
    error: raw.error,
    inputTokens: raw.inputTokens,
    outputTokens: raw.outputTokens,
    costUsd: raw.costUsd,
    latencyMs: raw.latencyMs,
    tags: [...metaTags(raw.meta), `lang:${detectLanguage(callText(vars))}`],
  }
}

/**
 * The model a log names, as results name it (provider and model id apart). "local-llm/qwen2.5" names that
 * provider's model exactly, whichever version pins it; a bare "qwen2.5" is the pinned model of the call's own
 * version first, then of the prompt's other versions; else the provider is guessed from the model name.
 */
export function loggedModel(named: string, pinned: readonly ModelRef[]): ModelRef {
  const exact = pinned.find((p) => named === modelLabel(p)) ?? pinned.find((p) => named === p.model)
  if (exact) return exact
  const provider = /^claude/i.test(named.replace(/^anthropic\//, '')) ? 'anthropic' : 'openai'
  return { provider, model: named }
}
