import { AsyncLocalStorage } from 'node:async_hooks'
import { FetchHttpHandler } from '@smithy/fetch-http-handler'
import { probeFetch, type CallScope } from './call-scope'

/**
 * How a Bedrock call reaches the wire. The AWS SDK's Node default is an HTTP/2 handler of its own, which our
 * call scope cannot watch; the fetch handler goes through `probeFetch` instead, so latency, time to first
 * token, idle and request limits are measured exactly as for the OpenAI and Anthropic adapters. The SDK hands
 * the handler a signed Request and no per-call options, so the call's scope travels in an async context.
 */
const current = new AsyncLocalStorage<CallScope>()

/** Runs one SDK call with its scope visible to the fetch below. */
export function withScope<T>(scope: CallScope, run: () => Promise<T>): Promise<T> {
  return current.run(scope, run)
}

function scopedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const scope = current.getStore()
  if (!scope) return globalThis.fetch(input, init)
  return probeFetch(input, {
    ...init,
    ...scope.fetchOptions,
  })
}

export function bedrockRequestHandler(): FetchHttpHandler {
  return new FetchHttpHandler({ customFetch: scopedFetch })
}

const CASE_HEADER = 'x-evallab-case'

interface WithHeaders {
  headers: Record<string, string>
}

const hasHeaders = (value: unknown): value is WithHeaders =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { headers?: unknown }).headers === 'object' &&
  (value as { headers?: unknown }).headers !== null

/** The minimal stack shape a command exposes; only `add` at the build step is used. */
export interface MiddlewareStackLike {
  add(
    middleware: (
      next: (args: { request: unknown }) => Promise<unknown>,
    ) => (args: { request: unknown }) => Promise<unknown>,
    options: { step: 'build'; name: string },
  ): void
}

/**
 * Sends the case key as `x-evallab-case`, as the other adapters do, so logs and the mock server's scripted
 * faults can tie a call to its case. Added before signing, so a real endpoint sees it signed like any header.
 */
export function addCaseHeader(stack: MiddlewareStackLike, caseKey: string | undefined): void {
  if (!caseKey) return
  stack.add(
    (next) => (args) => {
      if (hasHeaders(args.request)) args.request.headers[CASE_HEADER] = caseKey
      return next(args)
    },
    { step: 'build', name: 'evallabCaseHeader' },
  )
}
