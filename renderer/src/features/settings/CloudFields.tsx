import type { ProviderKind } from '../../../../shared/domain/providers'
import { Field } from '../../components/Field'
import { DeploymentsEditor } from './DeploymentsEditor'
import type { ProviderFormErrors, ProviderFormText } from './provider-form'

export type FormSetter = <K extends keyof ProviderFormText>(field: K, value: ProviderFormText[K]) => void

interface Props {
  kind: ProviderKind
  /** Names the provider in the controls' accessible labels. */
  owner: string
  /** Test ids are `${prefix}-api-version` etc.: 'provider' in a row, 'provider-add' in the add form. */
  prefix: string
  text: ProviderFormText
  set: FormSetter
  errors: ProviderFormErrors
}

/** What Azure OpenAI (API version, deployments) and AWS Bedrock (region) need besides a base URL. */
export function CloudFields({ kind, owner, prefix, text, set, errors }: Props) {
  if (kind === 'azure-openai') {
    return (
      <div className="field-stack">
        <Field
          label="API version"
          className="medium"
          error={errors.apiVersion}
          hint="The api-version every call names, e.g. 2024-10-21."
        >
          <input
            type="text"
            className="mono-input"
            data-testid={`${prefix}-api-version`}
            aria-label={`API version for ${owner}`}
            placeholder="2024-10-21"
            spellCheck={false}
            value={text.apiVersion}
            onChange={(e) => set('apiVersion', e.target.value)}
          />
        </Field>
        <DeploymentsEditor
          owner={owner}
          rows={text.deployments}
          onChange={(rows) => set('deployments', rows)}
          errors={errors.deploymentRows}
        />
      </div>
    )
  }
  if (kind === 'bedrock') {
    return (
      <Field label="Region" className="medium" error={errors.region} hint="e.g. us-east-1 or eu-central-1.">
        <input
          type="text"
          className="mono-input"
          data-testid={`${prefix}-region`}
          aria-label={`Region for ${owner}`}
          placeholder="us-east-1"
          spellCheck={false}
          value={text.region}
          onChange={(e) => set('region', e.target.value)}
        />
      </Field>
    )
  }
  return null
}
