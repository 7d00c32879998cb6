import { useId, useMemo, useState } from 'react'
import { selectAppActions } from '../../../stores/app/selectors'
import { useKnownModelKeys, useProviderList } from '../../../queries/providers'
import { useApp, useNewRun } from '../../../stores/hooks'
import { readinessOf } from '../../../stores/providers/selectors'
import { modelOptions, pinnedOf, type ModelOption } from '../../../stores/runs/new-run-plan'
import { planContext } from '../../../stores/runs/new-run-store'
import {
  selectAddModelError,
  selectNewRunActions,
  selectNewRunForm,
  selectNewRunPrompt,
  selectVersionModels,
} from '../../../stores/runs/selectors'
import { ModelName } from '../ModelName'

/** The models to run: those the chosen versions pin, the simulated ones, and any the user adds. */
export function ModelPicker() {
  const form = useNewRun(selectNewRunForm)
  const prompt = useNewRun(selectNewRunPrompt)
  const versionModels = useNewRun(selectVersionModels)
  const { toggleModel } = useNewRun(selectNewRunActions)
  const options = useMemo(
    () => modelOptions(pinnedOf(form, planContext({ prompt, versionModels })), form.addedModels),
    [form, prompt, versionModels],
  )

  return (
    <fieldset className="radio-group new-run-models">
      <legend>Models</legend>
      <ul className="model-options">
        {options.map((option) => (
          <li key={option.key}>
            <label className="check">
              <input
                type="checkbox"
                data-testid="new-run-model"
                data-model={option.key}
                checked={form.modelKeys.includes(option.key)}
                onChange={() => toggleModel(option.key)}
              />
              <ModelName model={option.ref} />
              <OptionNote option={option} />
            </label>
            <KeyWarning option={option} />
          </li>
        ))}
      </ul>
      <AddModel />
    </fieldset>
  )
}

function OptionNote({ option }: { option: ModelOption }) {
  if (option.source === 'pinned') {
    return <span className="muted">pinned by v{option.pinnedBy.join(', v')}</span>
  }
  if (option.source === 'simulated') return <span className="muted">offline, no key, no cost</span>
  return <span className="muted">added</span>
}

/** Says why calls to a provider would fail before the run starts, and how to fix it: no key, or no such provider. */
function KeyWarning({ option }: { option: ModelOption }) {
  const provider = option.ref.provider
  const { providers } = useProviderList()
  const { navigate } = useApp(selectAppActions)
  const readiness = readinessOf(providers, provider)
  if (!providers || readiness.state === 'ready' || readiness.state === 'unknown') return null
  const others = providers.map((p) => p.name).filter((name) => name !== 'demo')
  const settings = (
    <button type="button" className="link-button" onClick={() => navigate('settings')}>
      Settings
    </button>
  )
  return (
    <p className="model-key-warning" data-testid="new-run-model-warning" data-provider={provider} role="note">
      {readiness.state === 'no-key' ? (
        <>
          No API key for <strong>{provider}</strong>: set <code>{readiness.envVar}</code> or add a key in{' '}
          {settings}. Calls to it will fail.
        </>
      ) : (
        <>
          No provider named <strong>{provider}</strong> in Settings
          {option.source === 'pinned' ? ` (v${option.pinnedBy.join(', v')} pins it)` : ''}: add it in{' '}
          {settings}
          {others.length > 0 ? `, or run the model through a configured provider (${others.join(', ')})` : ''}
          .
        </>
      )}
    </p>
  )
}

function AddModel() {
  const error = useNewRun(selectAddModelError)
  const { addModel } = useNewRun(selectNewRunActions)
  const [text, setText] = useState('')
  const suggestions = useKnownModelKeys()
  const listId = useId()
  const add = () => {
    if (addModel(text)) setText('')
  }
  return (
    <div className="add-model">
      <div className="field-row">
        <input
          type="text"
          className="mono-input"
          data-testid="new-run-add-model"
          aria-label="Add a model as provider/model"
          placeholder="provider/model, e.g. ollama/llama3.1:8b"
          spellCheck={false}
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault()
              add()
            }
          }}
        />
        <datalist id={listId} data-testid="new-run-model-suggestions">
          {suggestions.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
        <button
          type="button"
          className="button small"
          data-testid="new-run-add-model-button"
          disabled={!text.trim()}
          onClick={add}
        >
          Add model
        </button>
      </div>
      {error ? (
        <span className="field-error" role="alert" data-testid="new-run-add-model-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}
