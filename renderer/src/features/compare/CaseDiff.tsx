import type { CompareCase } from '../../../../shared/domain/compare'
import { toolCallsSummary, toolCallsText } from '../../../../shared/lib/tool-call-text'
import { TextDiff } from './TextDiff'

/** A tool-call-only answer (no text) shows its calls on one line rather than a blank side. */
function sideText(side: CompareCase['baseline']): string {
  if (side.text?.trim() === '' && side.toolCalls.length > 0) return toolCallsSummary(side.toolCalls)
  return side.text ?? (side.error ? `Error: ${side.error}` : '(no output)')
}

/** The side's calls, numbered, arguments pretty-printed (call ids left out: they differ on every call). */
function callsText(side: CompareCase['baseline']): string {
  return side.toolCalls.length === 0 ? '(no tool call)' : toolCallsText(side.toolCalls)
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
      {item.baseline.toolCalls.length > 0 || item.candidate.toolCalls.length > 0 ? (
        <section aria-label="Tool calls side by side" data-testid="case-diff-tools">
          <h4>Tool calls</h4>
          <TextDiff
            baseline={callsText(item.baseline)}
            candidate={callsText(item.candidate)}
            testId="case-diff-tools"
          />
        </section>
      ) : null}
    </section>
  )
}
