import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fail as failure, type ErrorCode, type Result } from '../../../shared/contract'
import type { Dispatch } from '../core/dispatch'
import type { EventBus } from '../core/events'
import { isRefusal, maxRequestBodyBytes, readRpcCall } from './rpc-body'
import { hasToken, isAllowedHost, isAllowedOrigin } from './security'
import { streamEvents } from './sse'
import { serveStatic } from './static'

export interface HostOptions {
  dispatch: Dispatch
  bus: EventBus
  /** The built renderer (out/renderer). */
  staticDir: string
  token: string
  /** 0 picks any free port. */
  port: number
  /** The largest call body read (default maxRequestBodyBytes); tests lower it. */
  maxBodyBytes?: number
}

export interface RunningHost {
  readonly port: number
  /** The address to open, token included. */
  readonly url: string
  close(): Promise<void>
}

/**
 * Failures with an HTTP status of their own; the rest are answered 200 with the envelope, as the client
 * reads the code from it either way.
 */
const statusOfFailure: Partial<Record<ErrorCode, number>> = { LIMIT_EXCEEDED: 413, DISK_FULL: 507 }

/** How long a refused body's connection stays open after the answer, so the client reads the answer. */
const unreadGraceMs = 1000

/** Serves the renderer and the core's dispatch on 127.0.0.1 only, to holders of this start's token. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  let port = options.port
  const server = createServer((req, res) => {
    handle(req, res, { ...options, port }).catch((error: unknown) => {
      if (!res.headersSent) sendEnvelope(res, 500, failure('INTERNAL', `Host error: ${String(error)}`))
      else res.end()
    })
  })
  await listen(server, options.port)
  port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`,
    close: () => closeServer(server),
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HostOptions): Promise<void> {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${options.port}`)
  if (!isAllowedHost(req, options.port))
    return sendEnvelope(res, 403, failure('FORBIDDEN', 'Unknown Host header'))
  const isApi = url.pathname === '/rpc' || url.pathname === '/events'
  if (!isApi) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendEnvelope(res, 405, failure('FORBIDDEN', 'Method not allowed'))
    return serveStatic(options.staticDir, url.pathname, res)
  }
  if (!isAllowedOrigin(req, options.port))
    return sendEnvelope(res, 403, failure('FORBIDDEN', 'Foreign origin refused'))
  if (!hasToken(req, url, options.token))
    return sendEnvelope(res, 401, failure('FORBIDDEN', 'Missing or wrong token'))
  if (url.pathname === '/events' && req.method === 'GET') return streamEvents(options.bus, res)
  if (url.pathname === '/rpc' && req.method === 'POST')
    return handleRpc(req, res, options.dispatch, options.maxBodyBytes ?? maxRequestBodyBytes)
  sendEnvelope(
    res,
    405,
    failure('FORBIDDEN', `${req.method ?? 'This method'} is not allowed on ${url.pathname}`),
  )
}

async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  dispatch: Dispatch,
  limit: number,
): Promise<void> {
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return sendEnvelope(res, 415, failure('INVALID_INPUT', 'Send the call as application/json'))
  }
  const call = await readRpcCall(req, limit)
  if (!isRefusal(call)) {
    const result = await dispatch(call.method, call.input)
    return sendEnvelope(res, result.ok ? 200 : (statusOfFailure[result.error.code] ?? 200), result)
  }
  if (call.status === 413) return refuseUnread(req, res, call.envelope)
  sendEnvelope(res, call.status, call.envelope)
}

/**
 * 413 for a body the host will not read: the answer goes out at once and the connection closes after it,
 * so the rest of the body is never read (a client still sending sees the answer, then the close).
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, envelope: Result<unknown>): void {
  res.shouldKeepAlive = false
  res.on('finish', () => setTimeout(() => req.socket.destroy(), unreadGraceMs).unref())
  sendEnvelope(res, 413, envelope)
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Result<unknown>): void {
  const body = serialise(envelope)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(body)
}

/** The reply as JSON; a value too deep for JSON.stringify becomes a LIMIT_EXCEEDED answer, never a 500. */
function serialise(envelope: Result<unknown>): string {
  try {
    return JSON.stringify(envelope)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return JSON.stringify(failure('LIMIT_EXCEEDED', `The answer could not be sent as JSON: ${reason}`))
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
