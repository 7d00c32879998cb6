import type { ModelParams, PromptMessage } from '../../../../shared/domain/prompts'

/** "temperature 0.2 · max 512 tokens · JSON schema "verdict"": the params that shape output, in one line. */
export function paramsSummary(params: ModelParams): string {
  const parts: string[] = []
  if (params.temperature !== undefined) parts.push(`temperature ${params.temperature}`)
  if (params.topP !== undefined) parts.push(`top-p ${params.topP}`)
  if (params.maxTokens !== undefined) parts.push(`max ${params.maxTokens} tokens`)
  if (params.seed !== undefined) parts.push(`seed ${params.seed}`)
  const format = params.responseFormat
  if (format?.type === 'json_object') parts.push('JSON output')
  if (format?.type === 'json_schema') parts.push(`JSON schema "${format.name}"`)
  const tools = params.tools ?? []
  if (tools.length > 0) parts.push(tools.length === 1 ? `tool ${tools[0]?.name}` : `${tools.length} tools`)
  const choice = params.toolChoice
  if (choice !== undefined) parts.push(`tool choice ${typeof choice === 'object' ? choice.name : choice}`)
  if (params.maxToolSteps !== undefined) parts.push(`up to ${params.maxToolSteps} steps`)
  return parts.length > 0 ? parts.join(' · ') : 'provider defaults'
}

export const roleLabels: Record<PromptMessage['role'], string> = {
  system: 'System',
  user: 'User',
  assistant: 'Assistant',
  conversation: 'Conversation',
}

/** A sent message's role as people read it: a prompt role, or a tool result within a tool loop. */
export const chatRoleLabel = (role: PromptMessage['role'] | 'tool'): string =>
  role === 'tool' ? 'Tool result' : roleLabels[role]
