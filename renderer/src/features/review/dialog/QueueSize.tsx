import { toErrorInfo } from '../../../api'
import { useRpcQuery } from '../../../api/query'
import { previewInputOf, previewText, type QueueForm } from '../../../stores/review/queue-form'
import type { Run } from '../../../../../shared/domain/runs'
import { appMode } from '../../../api/app-mode'
import { errorHint } from '../../../components/error-hint'

/** How many items the queue will hold (cases × slices), counted by the core as creating it would. */
export function QueueSize({ form, run }: { form: QueueForm; run: Run | undefined }) {
  const input = previewInputOf(form, run)
  const preview = useRpcQuery('queues.preview', input, { keepPrevious: true })
  if (!input) return null
  const error = preview.error ? toErrorInfo(preview.error) : null
  return (
    <p className="queue-size" role="status" data-testid="queue-item-count" data-items={preview.data?.items}>
      {error
        ? `No queue from this selection: ${error.message} ${errorHint(error, appMode())}`
        : preview.data
          ? `This queue will hold ${previewText(preview.data, form.mode)}.`
          : 'Counting the items…'}
    </p>
  )
}
