import { useEffect, useMemo } from 'react'
import { usePreview, usePrompts } from '../../../stores/hooks'
import { paramsFromForm } from '../../../stores/prompts/params-form'
import { selectPreviewActions } from '../../../stores/preview/selectors'
import {
  selectDetail,
  selectShownMessages,
  selectShownModel,
  selectShownParams,
} from '../../../stores/prompts/selectors'

/**
 * Sends what the editor shows (draft included) to the preview store on every change; the store
 * debounces. While the params form has an error the shown version's params are used.
 */
export function usePreviewTemplate(): void {
  const messages = usePrompts(selectShownMessages)
  const model = usePrompts(selectShownModel)
  const form = usePrompts(selectShownParams)
  const detail = usePrompts(selectDetail)
  const { setTemplate, cancel } = usePreview(selectPreviewActions)
  const fallback = detail?.version.params
  const params = useMemo(() => {
    if (!form) return fallback ?? {}
    const parsed = paramsFromForm(form)
    return Object.keys(parsed.errors).length > 0 ? (fallback ?? {}) : parsed.params
  }, [form, fallback])

  useEffect(() => {
    if (model) setTemplate({ messages, model, params })
  }, [messages, model, params, setTemplate])

  useEffect(() => cancel, [cancel])
}
