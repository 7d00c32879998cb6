import { diffWordsWithSpace } from 'diff'
import { useMemo } from 'react'

/**
 * Word diff of two outputs as React text nodes: model output is untrusted, so it is never parsed as HTML.
 * The baseline column shows what was removed, the candidate column what was added.
 */
export function TextDiff({
  baseline,
  candidate,
  testId = 'case-diff',
}: {
  baseline: string
  candidate: string
  /** Prefix of the two columns' test ids: the outputs' diff and the tool calls' diff sit on one screen. */
  testId?: string
}) {
  const parts = useMemo(() => diffWordsWithSpace(baseline, candidate), [baseline, candidate])
  return (
    <div className="text-diff">
      <pre className="text-diff-side" data-testid={`${testId}-baseline`}>
        {parts
          .filter((p) => !p.added)
          .map((p, i) => (
            <span key={i} className={p.removed ? 'diff-removed' : undefined}>
              {p.value}
            </span>
          ))}
      </pre>
      <pre className="text-diff-side" data-testid={`${testId}-candidate`}>
        {parts
          .filter((p) => !p.removed)
          .map((p, i) => (
            <span key={i} className={p.added ? 'diff-added' : undefined}>
              {p.value}
            </span>
          ))}
      </pre>
    </div>
  )
}
