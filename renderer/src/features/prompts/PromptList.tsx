import type { PromptSummary } from '../../../../shared/domain/prompts'
import { plural } from '../../components/format'
import { Time } from '../../components/Time'
import { EnvBadge } from './environments/EnvBadge'

interface Props {
  prompts: PromptSummary[]
  selectedId: string | null
  onSelect: (id: string) => void
}

export function PromptList({ prompts, selectedId, onSelect }: Props) {
  return (
    <ul className="prompt-list" aria-label="Prompts">
      {prompts.map((prompt) => (
        <li key={prompt.id}>
          <button
            type="button"
            className="prompt-item"
            data-testid="prompt-item"
            data-prompt-id={prompt.id}
            aria-current={prompt.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(prompt.id)}
          >
            <span className="prompt-name">{prompt.name}</span>
            {prompt.description ? <span className="prompt-description">{prompt.description}</span> : null}
            <span className="prompt-meta">
              {plural(prompt.versionCount, 'version')}
              {prompt.latest ? (
                <>
                  {' · '}v{prompt.latest.number} by {prompt.latest.author}{' '}
                  <Time iso={prompt.latest.createdAt} />
                </>
              ) : null}
            </span>
            {prompt.environments.staging !== null || prompt.environments.prod !== null ? (
              <span className="prompt-envs">
                <EnvBadge
                  env="staging"
                  versionNumber={prompt.environments.staging}
                  hideEmpty
                  testIdPrefix="list-env-badge"
                />
                <EnvBadge
                  env="prod"
                  versionNumber={prompt.environments.prod}
                  hideEmpty
                  testIdPrefix="list-env-badge"
                />
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  )
}
