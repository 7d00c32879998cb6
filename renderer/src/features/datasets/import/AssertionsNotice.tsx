import type { PromptfooAssertionSummaryInfo } from '../../../../../shared/domain/dataset-import'

/** "python ×2, similar ×1" */
export function notRunText(summary: PromptfooAssertionSummaryInfo): string {
  return summary.notRun.map(({ type, count }) => `${type} ×${count}`).join(', ')
}

/**
 * What a promptfoo file's assertions will do: the types Eval Lab does not run are named (kept in the case,
 * scored as "not scored"), and llm-rubric assertions are said to need a judge model.
 */
export function AssertionsNotice({ summary }: { summary: PromptfooAssertionSummaryInfo }) {
  const cases = summary.cases === 1 ? '1 case' : `${summary.cases.toLocaleString()} cases`
  return (
    <div className="import-assertions" data-testid="import-assertions">
      <p>
        {cases} carry {summary.assertions.toLocaleString()} promptfoo assertions: a “promptfoo assertions”
        scorer runs them as promptfoo does.
        {summary.modelGraded > 0
          ? ` ${summary.modelGraded.toLocaleString()} llm-rubric ${summary.modelGraded === 1 ? 'assertion needs' : 'assertions need'} a judge model.`
          : ''}
      </p>
      {summary.notRun.length > 0 ? (
        <p className="warning" role="note" data-testid="import-assertions-not-run">
          Not run by Eval Lab: {notRunText(summary)} — kept in the case, reported as not scored.
        </p>
      ) : null}
    </div>
  )
}
