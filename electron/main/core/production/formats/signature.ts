import { AppError } from '../../../../../shared/contract'
import type { ProductionFormat } from '../../../../../shared/domain/production'
import { metaVariables } from './call-meta'
import type { RecordFields } from './fields'
import type { RawCall } from './raw-call'

interface Signature {
  name: string
  /** Where the format finds what was asked (shown when none is there). */
  input: string
  /** Where it finds what was answered: an output or a recorded error. */
  output: string
  /** Fields that stand in for an input: OpenAI Batch output lines carry only their custom_id. */
  inputStandIns?: readonly string[]
}

const signatures: Record<ProductionFormat, Signature> = {
  'openai-log': {
    name: 'an OpenAI-style request log',
    input: 'request.messages, metadata.variables',
    output: 'response.choices (content or tool_calls), response.output_text, error',
    inputStandIns: ['custom_id'],
  },
  langfuse: {
    name: 'a Langfuse export',
    input: 'input, promptVariables, metadata.variables',
    output: 'output, level ERROR',
  },
  helicone: {
    name: 'a Helicone export',
    input: 'request_body.messages, request_body.prompt, properties.variables',
    output: 'response_body, response_text, response, status ≥ 400',
  },
  generic: {
    name: 'a generic input/output table',
    input: 'input, prompt, variables, vars',
    output: 'output, completion, response, error',
  },
}

/**
 * A record read as `format` must say what was asked and what was answered; one that says neither is a
 * file of another format (an OpenAI log read as Langfuse), never a call with no output at the import time.
 * `guess` tells the format the record's own fields suggest, if any (asked only for the message).
 */
export function requireCallFields(
  f: RecordFields,
  raw: RawCall,
  format: ProductionFormat,
  guess: () => ProductionFormat | null,
): void {
  const signature = signatures[format]
  const hasInput =
    raw.input !== null ||
    raw.vars !== null ||
    metaVariables(raw.meta) !== null ||
    (signature.inputStandIns ?? []).some((path) => f.has(path))
  const hasOutput = raw.output !== null || raw.toolCalls.length > 0 || raw.error !== null
  if (hasInput && hasOutput) return
  const missing = [
    ...(hasInput ? [] : [`no input (${signature.input})`]),
    ...(hasOutput ? [] : [`no output (${signature.output})`]),
  ]
  const found = Object.keys(f.record.fields).slice(0, 12).join(', ') || 'none'
  const likely = guess()
  const hint = likely !== null && likely !== format ? `; it looks like ${signatures[likely].name}` : ''
  throw new AppError(
    'INVALID_INPUT',
    `${f.fileName}: ${f.record.where}: not ${signature.name}: ${missing.join(' and ')}; ` +
      `the record has ${found}${hint}. Choose the format that wrote the file`,
    { where: f.record.where, missing },
  )
}
