import { maxCompareSlices } from '../../stores/compare/compare-slices'
import { selectCompareActions } from '../../stores/compare/selectors'
import { useAddedSlices } from '../../queries/compare'
import { useCompare } from '../../stores/hooks'
import { sliceLabel } from './RunPicker'

/** Prompt version × provider/model slices of the added runs; all are chosen at first, up to the limit. */
export function SlicePicker() {
  const slices = useAddedSlices()
  const selected = useCompare((s) => s.selected)
  const { toggleSlice } = useCompare(selectCompareActions)
  if (slices.length === 0) return null
  return (
    <fieldset className="compare-slices">
      <legend>
        Slices ({selected.length} of at most {maxCompareSlices})
      </legend>
      {slices.map((s) => (
        <label key={s.id}>
          <input
            type="checkbox"
            data-testid="compare-slice"
            data-version={s.versionNumber}
            data-provider={s.provider}
            data-model={s.modelId}
            checked={selected.includes(s.id)}
            disabled={!selected.includes(s.id) && selected.length >= maxCompareSlices}
            onChange={() => toggleSlice(s.id)}
          />{' '}
          {sliceLabel(s)}
        </label>
      ))}
    </fieldset>
  )
}
