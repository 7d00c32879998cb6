import {
  AccessDeniedException,
  InternalServerException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime'
import { describe, expect, it } from 'vitest'
import {
  MISSING_CREDENTIALS,
  toBedrockError,
} from '../../../../../electron/main/core/llm/providers/bedrock-errors'

const ctx = { cut: null, timeoutMs: 5_000 }
const meta = (status?: number) => ({ $metadata: status === undefined ? {} : { httpStatusCode: status } })

describe('Bedrock errors as ProviderError kinds', () => {
  it('classifies each service exception so the retry rules apply', () => {
    const cases = [
      [new ThrottlingException({ message: 'slow down', ...meta(429) }), 'rate_limited', 429],
      [new ServiceUnavailableException({ message: 'busy', ...meta(503) }), 'server', 503],
      [new InternalServerException({ message: 'oops', ...meta(500) }), 'server', 500],
      [new ValidationException({ message: 'bad', ...meta(400) }), 'client', 400],
      [new AccessDeniedException({ message: 'no', ...meta(403) }), 'auth', 403],
      [new ModelTimeoutException({ message: 'slow model', ...meta(408) }), 'timeout', 408],
      // An exception event inside a stream that had started: no HTTP status of its own.
      [new ModelStreamErrorException({ message: 'mid-stream', ...meta() }), 'server', undefined],
    ] as const
    for (const [error, kind, status] of cases) {
      const mapped = toBedrockError(error, ctx, false)
      expect(mapped.kind, error.name).toBe(kind)
      expect(mapped.status).toBe(status)
      expect(mapped.message).toContain(error.name)
    }
  })

  it('reads retry-after from a throttled answer', () => {
    const error = new ThrottlingException({ message: 'slow down', ...meta(429) })
    Object.assign(error, { $response: { headers: { 'retry-after': '3' } } })
    expect(toBedrockError(error, ctx, false)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 })
  })

  it('names an unmodelled expired token or unknown key as auth, by its error type', () => {
    for (const name of ['ExpiredTokenException', 'UnrecognizedClientException']) {
      const error = Object.assign(new Error('The security token included in the request is expired'), {
        name,
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      })
      expect(toBedrockError(error, ctx, false)).toMatchObject({ kind: 'auth', status: 403 })
    }
  })

  it('says how to give credentials when the chain found none, and reports aborts and cuts', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    })
    const mapped = toBedrockError(missing, ctx, false)
    expect(mapped.kind).toBe('auth')
    expect(mapped.message).toContain(MISSING_CREDENTIALS)
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' })
    expect(toBedrockError(abort, ctx, true).kind).toBe('cancelled')
    const cut = toBedrockError(abort, { cut: { kind: 'idle', limitMs: 2_000 }, timeoutMs: 5_000 }, true)
    expect(cut).toMatchObject({ kind: 'timeout' })
    expect(cut.message).toContain('idle timeout')
    expect(toBedrockError(new TypeError('fetch failed'), ctx, false).kind).toBe('network')
  })
})
