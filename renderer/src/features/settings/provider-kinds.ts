import type { ProviderKind } from '../../../../shared/domain/providers'

/** The kinds a user can add in Settings (the built-ins openai, anthropic and demo always exist). */
export const addableKinds = ['openai-compatible', 'azure-openai', 'gemini', 'bedrock'] as const
export type AddableKind = (typeof addableKinds)[number]

interface KindForm {
  label: string
  /** What the base URL field is called for this kind, and whether it must be given. */
  baseUrlLabel: string
  baseUrlRequired: boolean
  baseUrlPlaceholder: string
  baseUrlHint: string
  /** How the provider is signed in, when not with a key of its own (Bedrock). */
  credentials?: string
}

export const kindForms: Readonly<Record<AddableKind, KindForm>> = {
  'openai-compatible': {
    label: 'OpenAI-compatible server',
    baseUrlLabel: 'Base URL',
    baseUrlRequired: true,
    baseUrlPlaceholder: 'http://127.0.0.1:11434/v1',
    baseUrlHint: 'e.g. http://127.0.0.1:11434/v1 for Ollama, http://127.0.0.1:8000/v1 for vLLM',
  },
  'azure-openai': {
    label: 'Azure OpenAI',
    baseUrlLabel: 'Endpoint',
    baseUrlRequired: true,
    baseUrlPlaceholder: 'https://my-resource.openai.azure.com',
    baseUrlHint: "The resource's endpoint, from the Azure portal (Keys and Endpoint).",
  },
  gemini: {
    label: 'Google Gemini',
    baseUrlLabel: 'Base URL (optional)',
    baseUrlRequired: false,
    baseUrlPlaceholder: 'default: Google',
    baseUrlHint: 'Only for a proxy in front of the Gemini API; the key is GEMINI_API_KEY or one saved here.',
  },
  bedrock: {
    label: 'AWS Bedrock',
    baseUrlLabel: 'Endpoint URL (optional)',
    baseUrlRequired: false,
    baseUrlPlaceholder: "default: the region's",
    baseUrlHint: 'Only for a VPC endpoint or a proxy.',
    credentials:
      'Signed with the AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO, ' +
      'an instance role…), read when a run calls it; no key is stored here.',
  },
}

export const isAddableKind = (kind: ProviderKind): kind is AddableKind =>
  (addableKinds as readonly string[]).includes(kind)
