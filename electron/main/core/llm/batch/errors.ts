import { toProviderError, type MapContext, type SdkErrorClasses } from '../providers/errors'

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
): Promise<T> {
  try {
    return await call()
  } catch (error) {
    const ctx: MapContext = { classes, apiKey, cut: null, timeoutMs: BATCH_CALL_TIMEOUT_MS }
    throw toProviderError(error, ctx)
  }
}
