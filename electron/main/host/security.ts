import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

/**
 * The token to require: one given in the environment (EVALLAB_HOST_TOKEN, so a restart on a fixed port
 * keeps open pages working) must be as hard to guess as ours; none means a fresh one.
 */
export function hostToken(given: string | undefined): string {
  const value = given?.trim() ?? ''
  if (value === '') return newToken()
  if (!/^[A-Za-z0-9_-]{24,}$/.test(value))
    throw new Error('EVALLAB_HOST_TOKEN must be at least 24 characters of A-Z, a-z, 0-9, - and _')
  return value
}

/** The host answers only to names of this machine: a DNS-rebinding page presents a foreign Host. */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** Browsers always send Origin on cross-site requests; ours must be exactly this server. */
export function isAllowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization
  const presented = header?.startsWith('Bearer ')
    ? header.slice('Bearer '.length)
    : url.searchParams.get('token')
  if (!presented) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
