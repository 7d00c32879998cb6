import { AppError } from '../../../../shared/contract'
import type { Environment, EnvironmentPointer } from '../../../../shared/domain/environments'
import type { PromptSummary, PromptVersion } from '../../../../shared/domain/prompts'
import type { Approval, GateCheck } from '../../../../shared/domain/registry'
import type { CoreContext } from '../context'
import { newId } from '../ids'
import { requirePrompt, requireVersion } from './detail'
import {
  blockingRequirements,
  describeUnmet,
  overriddenRequirements,
  type PromotionGate,
  type PromotionRequest,
  type RequirementResult,
} from './promotion'

// Writes here run inside the caller's `.immediate()` transaction: the gate judges exactly the state that
// the pointer move then changes.

export function checkPromotion(ctx: CoreContext, gate: PromotionGate, request: PromotionRequest): GateCheck {
  const prompt = requirePrompt(ctx.repos, request.promptId)
  requireVersion(ctx.repos, prompt, request.versionId)
  return gate.evaluate(request)
}

export function approve(
  ctx: CoreContext,
  input: { promptId: string; versionId: string; env: Environment; comment: string },
): Approval {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const version = requireVersion(ctx.repos, prompt, input.versionId)
  const approver = ctx.user
  if (ctx.repos.approvals.forVersion(version.id, input.env).some((a) => a.approver === approver)) {
    throw new AppError('INVALID_INPUT', `${approver} already approved v${version.number} for ${input.env}`)
  }
  const approval: Approval = {
    id: newId('apr'),
    promptId: prompt.id,
    versionId: version.id,
    versionNumber: version.number,
    env: input.env,
    approver,
    comment: input.comment.trim(),
    createdAt: ctx.now(),
  }
  ctx.repos.approvals.insert(approval)
  ctx.repos.audit.append({
    at: approval.createdAt,
    actor: approver,
    action: 'approval.recorded',
    entityType: 'prompt',
    entityId: prompt.id,
    details: {
      env: approval.env,
      versionId: version.id,
      number: version.number,
      approvalId: approval.id,
      comment: approval.comment,
    },
  })
  return approval
}

export function promote(
  ctx: CoreContext,
  gate: PromotionGate,
  input: PromotionRequest & { reason: string; overrideGateReason?: string | undefined },
): PromptVersion {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const version = requireVersion(ctx.repos, prompt, input.versionId)
  const current = ctx.repos.environments.get(prompt.id, input.env)
  if (current?.versionId === version.id) {
    throw new AppError(
      'INVALID_INPUT',
      `${input.env} of "${prompt.name}" already points at v${version.number}`,
    )
  }
  const check = gate.evaluate({ promptId: prompt.id, versionId: version.id, env: input.env })
  const override = input.overrideGateReason?.trim() || undefined
  const blocking = blockingRequirements(check, override)
  if (blocking.length > 0) {
    const hint = blocking.every((r) => r.overridable)
      ? '. An unmet eval gate may be overridden with a reason, which is recorded'
      : ''
    throw new AppError(
      'FORBIDDEN',
      `v${version.number} of "${prompt.name}" cannot be promoted to ${input.env}: ${describeUnmet(blocking)}${hint}`,
      check,
    )
  }
  const overridden = overriddenRequirements(check, override)
  const gateOverride = overridden.length > 0 && override ? { reason: override, overridden } : null
  movePointer(
    ctx,
    { prompt, version, env: input.env, from: current, reason: input.reason, gateOverride },
    'env.promoted',
  )
  return version
}

/**
 * Points an environment back at any earlier version, in one action. Rollback is the emergency exit, so
 * it asks for no new approval and no eval: the audit entry records who did it and why, and promoting
 * forward again goes through the gate as usual.
 */
export function rollback(
  ctx: CoreContext,
  input: { promptId: string; env: Environment; toVersionId: string; reason: string },
): PromptVersion {
  const prompt = requirePrompt(ctx.repos, input.promptId)
  const current = ctx.repos.environments.get(prompt.id, input.env)
  if (!current) {
    throw new AppError(
      'INVALID_INPUT',
      `${input.env} of "${prompt.name}" has never been promoted to: there is nothing to roll back`,
    )
  }
  const target = requireVersion(ctx.repos, prompt, input.toVersionId)
  checkRollbackTarget(current, target)
  movePointer(
    ctx,
    { prompt, version: target, env: input.env, from: current, reason: input.reason, gateOverride: null },
    'env.rolled_back',
  )
  return target
}

function checkRollbackTarget(current: EnvironmentPointer, target: PromptVersion): void {
  const env = current.env
  const refuse = (why: string) =>
    new AppError('INVALID_INPUT', `Cannot roll ${env} back to v${target.number}: ${why}`)
  if (target.id === current.versionId) throw refuse(`${env} already points at it`)
  if (target.number > current.versionNumber) {
    throw refuse(`it is newer than v${current.versionNumber}, which ${env} runs now. Promote it instead`)
  }
}

interface PointerMove {
  prompt: PromptSummary
  version: PromptVersion
  env: Environment
  from: EnvironmentPointer | null
  reason: string
  /** Unmet overridable requirements promoted past, and why; null when nothing was overridden. */
  gateOverride: { reason: string; overridden: readonly RequirementResult[] } | null
}

function movePointer(ctx: CoreContext, move: PointerMove, action: 'env.promoted' | 'env.rolled_back'): void {
  const at = ctx.now()
  const { prompt, version, env, from } = move
  ctx.repos.environments.set({
    promptId: prompt.id,
    env,
    versionId: version.id,
    updatedAt: at,
    updatedBy: ctx.user,
  })
  ctx.repos.audit.append({
    at,
    actor: ctx.user,
    action,
    entityType: 'prompt',
    entityId: prompt.id,
    details: {
      env,
      versionId: version.id,
      number: version.number,
      fromVersionId: from?.versionId ?? null,
      fromNumber: from?.versionNumber ?? null,
      reason: move.reason.trim(),
      ...(move.gateOverride
        ? {
            overrideGateReason: move.gateOverride.reason,
            overridden: move.gateOverride.overridden.map((r) => ({ key: r.key, detail: r.detail })),
          }
        : {}),
    },
  })
}
