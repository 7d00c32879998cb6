import { abortedStreamError, kindForStatus, parseRetryAfter, redact, type MapContext } from './errors'
import { ProviderError, type ProviderErrorKind } from './types'

/**
 * Bedrock's errors by name (the `x-amzn-errortype` of an HTTP error, or the exception event inside a stream,
 * which has no status). Names not listed fall back to the HTTP status.
 */
const KIND_BY_NAME: Record<string, ProviderErrorKind> = {
  ThrottlingException: 'rate_limited',
  // A model still loading answers 429 and asks to be retried later.
  ModelNotReadyException: 'rate_limited',
  ServiceUnavailableException: 'server',
  InternalServerException: 'server',
  ModelStreamErrorException: 'server',
  ModelErrorException: 'server',
  ValidationException: 'client',
  ResourceNotFoundException: 'client',
  AccessDeniedException: 'auth',
  UnrecognizedClientException: 'auth',
  ExpiredTokenException: 'auth',
  InvalidSignatureException: 'auth',
  IncompleteSignatureException: 'auth',
  InvalidClientTokenId: 'auth',
  ModelTimeoutException: 'timeout',
}

/** What the credential chain throws when no source (environment, profile, SSO, instance role) gave any. */
const CREDENTIAL_ERRORS = new Set(['CredentialsProviderError', 'ProviderError'])

export const MISSING_CREDENTIALS =
  'No AWS credentials were found for Bedrock: set AWS_PROFILE (a profile in ~/.aws/config, SSO included) or ' +
  'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys) in the environment ' +
  'of the app or the CLI.'

interface AwsErrorShape {
  name: string
  message: string
  $metadata?: { httpStatusCode?: number }
  $response?: { headers?: Record<string, string | undefined> }
}

/** A service's answer: the SDK marks it with `$fault`; a failed fetch also gets `$metadata`, but no `$fault`. */
const isAwsError = (error: unknown): error is Error & AwsErrorShape =>
  error instanceof Error && typeof (error as { $fault?: unknown }).$fault === 'string'

function retryAfterOf(error: AwsErrorShape): number | undefined {
  const headers = error.$response?.headers
  if (!headers) return undefined
  const pairs = Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string')
  return parseRetryAfter(new Headers(pairs))
}

function serviceError(error: Error & AwsErrorShape, message: string): ProviderError {
  const status = error.$metadata?.httpStatusCode
  const kind = KIND_BY_NAME[error.name] ?? (status !== undefined ? kindForStatus(status) : 'server')
  const retryAfterMs = kind === 'rate_limited' ? retryAfterOf(error) : undefined
  return new ProviderError(kind, `${error.name}: ${message}`, {
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  })
}

const REGION_MISSING = /region is missing/i

/** Turns whatever the AWS SDK threw into the one ProviderError the retry loop understands. */
export function toBedrockError(
  error: unknown,
  ctx: Omit<MapContext, 'classes'>,
  aborted: boolean,
): ProviderError {
  if (error instanceof ProviderError) return error
  const full = { ...ctx, classes: NO_CLASSES }
  if (ctx.cut || aborted) return abortedStreamError(full)
  const message = redact(error instanceof Error ? error.message : String(error), ctx.apiKey)
  if (error instanceof Error && error.name === 'AbortError') return abortedStreamError(full)
  if (error instanceof Error && CREDENTIAL_ERRORS.has(error.name) && !isAwsError(error)) {
    return new ProviderError('auth', `${MISSING_CREDENTIALS} (${message})`)
  }
  if (REGION_MISSING.test(message)) {
    return new ProviderError(
      'client',
      "No AWS region for Bedrock: set the provider's region in Settings (or AWS_REGION).",
    )
  }
  if (isAwsError(error)) return serviceError(error, message)
  // Unparseable bodies or event-stream frames: the server answered garbage, which a retry may well fix.
  if (
    error instanceof SyntaxError ||
    /checksum|prelude|event stream|truncated event|deserialization error/i.test(message)
  ) {
    return new ProviderError('server', `Malformed response: ${message}`)
  }
  return new ProviderError('network', message)
}

/** abortedStreamError needs no SDK classes; these never match anything. */
class Never extends Error {}
const NO_CLASSES: MapContext['classes'] = {
  APIError: Never,
  APIUserAbortError: Never,
  APIConnectionTimeoutError: Never,
  APIConnectionError: Never,
}
