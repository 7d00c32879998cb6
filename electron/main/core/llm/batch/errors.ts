import { toProviderError, type MapContext, type SdkErrorClasses } from '../providers/errors'
import { ProviderError } from '../providers/types'

/** How long one management call (upload, create, poll, download) may take before the SDK gives up. */
export const BATCH_CALL_TIMEOUT_MS = 10 * 60_000

/**
 * Runs one SDK call of a Batch API and turns what it throws into the ProviderError the lane's retry rules
 * read (429 → rate_limited, 5xx → server, 401/403 → auth, 400 → client, timeouts, cancel), as streamed calls do.
 */
export async function sdkCall<T>(
  classes: SdkErrorClasses,
  apiKey: string | undefined,
  call: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  try {
    return await call()
  } catch (error) {
    // A download cut by the caller's signal fails as a stream error, not as the SDK's abort error.
    if (signal?.aborted) throw new ProviderError('cancelled', 'The call was cancelled.', { cause: error })
    const ctx: MapContext = { classes, apiKey, cut: null, timeoutMs: BATCH_CALL_TIMEOUT_MS }
    throw toProviderError(error, ctx)
  }
}
