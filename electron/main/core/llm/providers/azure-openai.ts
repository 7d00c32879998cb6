import { AzureOpenAI } from 'openai'
import { probeFetch } from './call-scope'
import { streamChatCompletion, type ChatCallOptions } from './openai'
import { ProviderError, type ChatRequest, type ChatResponse, type Provider } from './types'

export interface AzureOpenAiProviderOptions {
  id: string
  /** The resource's endpoint, e.g. https://my-resource.openai.azure.com (a trailing /openai is accepted). */
  endpoint: string
  /** The REST api-version every call names, e.g. 2024-10-21. */
  apiVersion: string
  /** An `api-key`, or a Microsoft Entra token when `credential` says so. */
  apiKey: string
  credential?: 'api-key' | 'entra-token'
  /** Model id → deployment name; a model without one is called through a deployment of its own name. */
  deployments?: Readonly<Record<string, string>>
  now?: () => number
}

/**
 * Azure OpenAI through the openai SDK's AzureOpenAI client: the same Chat Completions body, stream, tool
 * calls and usage as OpenAI, sent to /openai/deployments/{deployment}/chat/completions?api-version=…. The
 * prompt's model stays the model id (gpt-4o-mini), which prices the call; the deployment only routes it.
 */
export function createAzureOpenAiProvider(options: AzureOpenAiProviderOptions): Provider {
  const token = options.credential === 'entra-token' ? options.apiKey : undefined
  const client = new AzureOpenAI({
    // baseURL, not `endpoint`: the SDK would otherwise also read OPENAI_BASE_URL from the environment.
    baseURL: azureBaseUrl(options.endpoint),
    apiVersion: options.apiVersion,
    // A token goes out as `Authorization: Bearer`, a key as `api-key`; both are given, never read from env.
    ...(token !== undefined
      ? { azureADTokenProvider: () => Promise.resolve(token) }
      : { apiKey: options.apiKey }),
    maxRetries: 0,
    fetch: probeFetch,
  })
  return {
    id: options.id,
    chat: (request) => chat(client, request, options),
  }
}

async function chat(
  client: AzureOpenAI,
  request: ChatRequest,
  options: AzureOpenAiProviderOptions,
): Promise<ChatResponse> {
  const deployment = deploymentFor(options.deployments, request.model.model)
  const call: ChatCallOptions = {
    compatible: false,
    apiKey: options.apiKey,
    wireModel: deployment,
    ...(options.now ? { now: options.now } : {}),
  }
  try {
    return await streamChatCompletion(client, request, call)
  } catch (error) {
    throw explainMissingDeployment(error, deployment, request.model.model, options.id)
  }
}

export function deploymentFor(
  deployments: Readonly<Record<string, string>> | undefined,
  model: string,
): string {
  const mapped = deployments && Object.hasOwn(deployments, model) ? deployments[model] : undefined
  return mapped ?? model
}

/** `https://x.openai.azure.com/` and `https://x.openai.azure.com/openai` both become `…/openai`. */
export function azureBaseUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '')
  return trimmed.endsWith('/openai') ? trimmed : `${trimmed}/openai`
}

/**
 * Azure answers an unknown deployment with a 404 that names neither the deployment nor the model; the
 * user needs both to fix the mapping. Still a 'client' error: retrying cannot help.
 */
function explainMissingDeployment(
  error: unknown,
  deployment: string,
  model: string,
  provider: string,
): unknown {
  if (!(error instanceof ProviderError) || error.status !== 404) return error
  const mapped = deployment === model ? `no deployment is mapped to it, so "${model}" was tried` : ''
  const which = mapped || `it is mapped to deployment "${deployment}"`
  return new ProviderError(
    'client',
    `Azure OpenAI deployment "${deployment}" not found for model "${model}" (${which}): ` +
      `map the model to a deployment of provider "${provider}" in Settings → Providers. (${error.message})`,
    { status: 404, cause: error },
  )
}
