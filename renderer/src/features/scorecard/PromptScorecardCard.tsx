import type { MaturityCriterion, PromptScorecard } from '../../../../shared/domain/scorecard'
import { groupByLevel, levelTitle, safeHashLink } from './scorecard-view'

function Criterion({ criterion }: { criterion: MaturityCriterion }) {
  const link = safeHashLink(criterion.link)
  return (
    <li
      className={criterion.met ? 'scorecard-item met' : 'scorecard-item unmet'}
      data-testid="scorecard-criterion"
      data-key={criterion.key}
      data-met={criterion.met ? 'true' : 'false'}
    >
      <span className="criterion-icon" aria-label={criterion.met ? 'met' : 'not met'}>
        {criterion.met ? '✓' : '✗'}
      </span>{' '}
      <strong>{criterion.label}</strong>
      <p className="criterion-evidence" data-testid="scorecard-evidence">
        {criterion.evidence}
      </p>
      {!criterion.met && criterion.nextStep ? (
        <p className="criterion-next" data-testid="scorecard-next-step">
          Next: {criterion.nextStep}
          {link ? (
            <>
              {' '}
              <a href={link}>Go</a>
            </>
          ) : null}
        </p>
      ) : null}
    </li>
  )
}

/** One prompt: its level, each criterion with its evidence, and the steps to the next level. */
export function PromptScorecardCard({ card }: { card: PromptScorecard }) {
  return (
    <section
      className="card scorecard-prompt"
      data-testid="scorecard-prompt"
      data-prompt={card.name}
      data-level={card.level}
      aria-label={card.name}
    >
      <header>
        <h2>{card.name}</h2>
        <span className="scorecard-prompt-level">{levelTitle(card.level)}</span>
      </header>
      {groupByLevel(card.criteria).map((group) => (
        <div key={group.level} className="scorecard-group">
          <h3>
            Level {group.level} · {group.name} ({group.met}/{group.criteria.length})
          </h3>
          <ul>
            {group.criteria.map((c) => (
              <Criterion key={c.key} criterion={c} />
            ))}
          </ul>
        </div>
      ))}
      {card.nextSteps.length > 0 ? (
        <p className="muted">
          To reach level {card.level + 1}: {card.nextSteps.join(' · ')}
        </p>
      ) : null}
    </section>
  )
}
