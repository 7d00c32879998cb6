import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { fail, type Result } from '../../../shared/contract'

/**
 * The largest call body the host reads; past it the host answers 413 without reading on. Above the largest
 * input the contract accepts (a 50 MB dataset file as base64 is 66.7 MB; a 50 MB log grows by its JSON
 * escapes and UTF-8), and well below what would strain the host's memory.
 */
export const maxRequestBodyBytes = 128 * 1024 * 1024

const rpcBodySchema = z.object({ method: z.string(), input: z.unknown() })

export type RpcCall = z.infer<typeof rpcBodySchema>

/** Why a body was not a call: the HTTP status and the envelope to answer with. */
export interface BodyRefusal {
  status: number
  envelope: Result<never>
}

/**
 * Reads one call. The body is held once: chunks until the end, one Buffer, one string while it parses,
 * and none of them once this returns — only the parsed call lives on through the dispatch. A body past
 * `limit` (declared or sent) stops the reading at once, and what was read is dropped.
 */
export async function readRpcCall(req: IncomingMessage, limit: number): Promise<RpcCall | BodyRefusal> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit)
  const body = await readLimited(req, limit)
  if (body === null) return tooLarge(limit)
  return parseCall(body)
}

function parseCall(body: Buffer): RpcCall | BodyRefusal {
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return refusal(400, fail('INVALID_INPUT', 'Request body is not valid JSON'))
  }
  const call = rpcBodySchema.safeParse(json)
  if (!call.success)
    return refusal(400, fail('INVALID_INPUT', 'Expected { "method": string, "input": object }'))
  return call.data
}

export function isRefusal(value: RpcCall | BodyRefusal): value is BodyRefusal {
  return 'envelope' in value
}

function tooLarge(limit: number): BodyRefusal {
  const mib = Math.round((limit / (1024 * 1024)) * 10) / 10
  return refusal(
    413,
    fail('LIMIT_EXCEEDED', `The call is larger than the host accepts (${mib} MiB): send a smaller file`, {
      limitBytes: limit,
    }),
  )
}

function refusal(status: number, envelope: Result<never>): BodyRefusal {
  return { status, envelope }
}

/** The body as one Buffer, or null as soon as it passes `limit` (the chunks read so far are dropped). */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = []
    let size = 0
    const stop = (): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      chunks = []
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      stop()
      req.pause()
      resolve(null)
    }
    const onEnd = (): void => {
      const body = Buffer.concat(chunks, size)
      stop()
      resolve(body)
    }
    const onError = (error: Error): void => {
      stop()
      reject(error)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}
