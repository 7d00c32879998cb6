import type { CompareCase } from '../../../../shared/domain/compare'
import { TextDiff } from './TextDiff'

function sideText(side: CompareCase['baseline']): string {
  return side.text ?? (side.error ? `Error: ${side.error}` : '(no output)')
}

/** One case's two outputs side by side, the differing words marked. */
export function CaseDiff({ item, onClose }: { item: CompareCase; onClose: () => void }) {
  return (
    <section className="case-diff" data-testid="case-diff" aria-label="Case outputs side by side">
      <header>
        <h3>{item.caseKey ?? item.caseId}</h3>
        <span className="muted">{item.tags.join(', ')}</span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="case-diff-heads">
        <strong>Baseline</strong>
        <strong>Candidate</strong>
      </div>
      <TextDiff baseline={sideText(item.baseline)} candidate={sideText(item.candidate)} />
    </section>
  )
}
