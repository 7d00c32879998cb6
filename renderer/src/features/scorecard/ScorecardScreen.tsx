import type { WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { errorOf } from '../../queries/summary'
import { useRpcQuery } from '../../api/query'
import { EvidenceForms } from './EvidenceForms'
import { PromptScorecardCard } from './PromptScorecardCard'
import { levelTitle } from './scorecard-view'

function WorkspaceLevel({ scorecard }: { scorecard: WorkspaceScorecard }) {
  return (
    <section className="card scorecard-workspace" aria-label="Workspace level">
      <p className="scorecard-level" data-testid="scorecard-level" data-level={scorecard.level}>
        {levelTitle(scorecard.level)}
      </p>
      <p className="muted">
        The workspace is as mature as its least mature prompt in staging or production: level 1 Managed, 2
        Automated, 3 Optimized, each level needing every criterion of those below. Assessed{' '}
        {scorecard.assessedAt.slice(0, 16).replace('T', ' ')}.
      </p>
      <table className="scorecard-counts">
        <thead>
          <tr>
            <th>Criterion</th>
            <th>Level</th>
            <th>Prompts meeting it</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.criteria.map((c) => (
            <tr key={c.key} data-testid="scorecard-count" data-key={c.key}>
              <td>{c.label}</td>
              <td>{c.level}</td>
              <td>
                {c.met} of {c.of}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {scorecard.nextSteps.length > 0 ? (
        <>
          <h3>Next steps</h3>
          <ol className="scorecard-workspace-steps">
            {scorecard.nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>Every criterion is met: the workspace is at the top level.</p>
      )}
    </section>
  )
}

/** LLMOps maturity: the workspace's level and each prompt's, with the evidence and what to do next. */
export function ScorecardScreen() {
  // scorecard.get reads nearly every table and declares no `reads`: any write reassesses it, so a
  // gate rule added on another screen shows here at once.
  const query = useRpcQuery('scorecard.get', {})
  const scorecard = query.data ?? null
  const error = errorOf(query.error)
  if (error && !scorecard) return <ErrorNotice title="Could not assess the workspace" error={error} />
  if (!scorecard) return <p className="muted">Assessing the workspace…</p>
  return (
    <div className="scorecard-screen" data-testid="scorecard-screen">
      <WorkspaceLevel scorecard={scorecard} />
      <EvidenceForms runbook={scorecard.runbook} />
      {scorecard.prompts.length === 0 ? (
        <EmptyState title="No prompts to assess">
          Create a prompt (Prompts, Ctrl+1) and the scorecard shows what it takes to reach each level.
        </EmptyState>
      ) : (
        scorecard.prompts.map((p) => <PromptScorecardCard key={p.promptId} card={p} />)
      )}
    </div>
  )
}
