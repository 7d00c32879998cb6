import type { ProviderKind } from '../domain/providers'

export interface BatchSupport {
  supported: boolean
  /** A sentence for the run dialog: why calls through this kind go as batch jobs, or why not. */
  reason: string
}

/**
 * Which provider kinds a batch-mode run sends as batch jobs. The others are called as streamed calls in the
 * same run, and the dialog says so: Azure's Batch API needs a separate "global batch" deployment, and
 * Gemini's and Bedrock's batch jobs read from and write to cloud storage buckets, which a desktop app
 * should not ask for.
 */
export function batchSupport(kind: ProviderKind): BatchSupport {
  switch (kind) {
    case 'openai':
      return { supported: true, reason: 'OpenAI Batch API: half price, answered within 24 hours' }
    case 'anthropic':
      return { supported: true, reason: 'Anthropic Message Batches: half price, answered within 24 hours' }
    case 'demo':
      return { supported: true, reason: 'Simulated batch jobs (the demo model is free either way)' }
    case 'openai-compatible':
      return { supported: false, reason: 'An OpenAI-compatible server has no Batch API: calls are streamed' }
    case 'azure-openai':
      return {
        supported: false,
        reason: "Azure's Batch API needs a global-batch deployment; calls are streamed",
      }
    case 'gemini':
      return { supported: false, reason: 'Gemini batch jobs are not supported yet: calls are streamed' }
    case 'bedrock':
      return {
        supported: false,
        reason: 'Bedrock batch inference needs an S3 bucket and an IAM role: calls are streamed',
      }
  }
}
