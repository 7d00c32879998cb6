import { useQueries } from '@tanstack/react-query'
import type { MethodOutput } from '../../../shared/contract'
import { rpcQueryOptions, useRpcClient, useRpcQuery } from '../api/query'

/** What a run's prompt version id stands for, to show "Ticket triage v2" instead of an opaque id. */
export interface VersionLabel {
  promptId: string
  promptName: string
  number: number
}

export type VersionLabels = Readonly<Record<string, VersionLabel>>

const none: VersionLabels = {}

function labelsOf(answers: readonly { data?: MethodOutput<'prompts.get'> }[]): VersionLabels {
  const versions: Record<string, VersionLabel> = {}
  for (const { data } of answers) {
    for (const v of data?.versions ?? []) {
      versions[v.id] = { promptId: data!.prompt.id, promptName: data!.prompt.name, number: v.number }
    }
  }
  return answers.length === 0 ? none : versions
}

/**
 * Version labels for every prompt in the workspace (a run names its versions only by id): prompts.list,
 * then each prompt's versions; both queries follow prompts saved anywhere.
 */
export function useVersionLabels(): VersionLabels {
  const client = useRpcClient()
  const { data: prompts } = useRpcQuery('prompts.list', {})
  return useQueries({
    queries: (prompts ?? []).map((p) => rpcQueryOptions(client, 'prompts.get', { id: p.id })),
    combine: labelsOf,
  })
}

/** "v2" when all versions come from one prompt, else "Ticket triage v2"; the id when it is unknown. */
export function versionLabel(versions: VersionLabels, id: string, withPrompt = false): string {
  const v = versions[id]
  if (!v) return id
  return withPrompt ? `${v.promptName} v${v.number}` : `v${v.number}`
}
