import { AppError, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract'
import type { Core } from '../core'

/**
 * The CLI's one way into the core: dispatch, and turn a failure envelope back into an AppError so a
 * command reads as straight-line code. The dispatch validated the input; its value is the handler's output.
 */
export async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details)
  return result.value as MethodOutput<M>
}
