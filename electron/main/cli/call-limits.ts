import { idleTimeoutBounds, requestTimeoutBounds } from '../../../shared/domain/providers'
import type { CallLimitOverrides } from '../core/llm/call-limits'
import { UsageError } from './io'

/** The flags `run` and `gate` share for how long one call may take (parseArgs options). */
export const callLimitOptions = {
  'request-timeout': { type: 'string' },
  'idle-timeout': { type: 'string' },
} as const

export const callLimitUsage = `  --request-timeout SECONDS   cut a call that has not finished after this long (default: automatic,
                              5 × the provider's recent P95 call time, 30 s to 10 min)
  --idle-timeout SECONDS      cut a call when the server sends nothing for this long, before the first
                              byte or mid-stream (default: automatic, 5 × its recent P95 silence, 0.5 s to
                              2 min; 30 s until 8 calls were seen). A cut call is retried like a timeout.`

function seconds(
  flag: string,
  value: string | undefined,
  bounds: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined
  const ms = Math.round(Number(value) * 1000)
  if (value.trim() === '' || !Number.isFinite(ms) || ms < bounds.min || ms > bounds.max) {
    throw new UsageError(
      `--${flag} must be a number of seconds from ${bounds.min / 1000} to ${bounds.max / 1000}, got "${value}"`,
    )
  }
  return ms
}

/** The run's limits for every provider, from --request-timeout and --idle-timeout (seconds). */
export function callLimitFlags(values: {
  'request-timeout'?: string | undefined
  'idle-timeout'?: string | undefined
}): CallLimitOverrides {
  const requestTimeoutMs = seconds('request-timeout', values['request-timeout'], requestTimeoutBounds)
  const idleTimeoutMs = seconds('idle-timeout', values['idle-timeout'], idleTimeoutBounds)
  return {
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(idleTimeoutMs !== undefined ? { idleTimeoutMs } : {}),
  }
}
