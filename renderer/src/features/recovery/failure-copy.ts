import type { WorkspaceFailureKind } from '../../../../shared/domain/workspace'
import { restartAdvice, type AppMode } from '../../api/app-mode'

export interface FailureCopy {
  title: string
  /** What happened to the user's file, in one calm sentence. */
  summary: string
  /** What the user can do, in order. */
  steps: string[]
}

const otherFolder =
  'To keep working meanwhile, start Eval Lab with another data folder: --home <folder> or EVALLAB_HOME.'

/** What to do when the workspace could not be opened, in steps the user can follow where the page runs. */
export function failureCopy(kind: WorkspaceFailureKind, mode: AppMode): FailureCopy {
  const copy = copies[kind]
  const restart = restartAdvice(mode)
  return { ...copy, steps: copy.steps.map((step) => step.replace(restartStep, restart)) }
}

/** Stands in a step for how to start Eval Lab again (desktop and browser users do it differently). */
const restartStep = '{restart}'

const copies: Record<WorkspaceFailureKind, FailureCopy> = {
  locked: {
    title: 'This workspace is already open',
    summary: 'Another Eval Lab window or process has it open. Your file was not changed.',
    steps: [
      'Close the other Eval Lab window, or wait for the command-line run using this workspace to finish.',
      `Then ${restartStep}.`,
      otherFolder,
    ],
  },
  'newer-version': {
    title: 'This workspace needs a newer Eval Lab',
    summary: 'This workspace was written by a newer Eval Lab; update the app. Your file was not changed.',
    steps: ['Install the latest Eval Lab and open the workspace with it.', otherFolder],
  },
  'edited-migration': {
    title: 'This workspace does not match this build',
    summary:
      'A database upgrade step that was already applied to this workspace differs in this build of Eval Lab, ' +
      'so the app stopped before touching it. Your file was not changed.',
    steps: [
      'Open the workspace with the Eval Lab build that last upgraded it, or a released version.',
      'If you build Eval Lab yourself: applied migrations must never be edited; add a new one instead.',
      otherFolder,
    ],
  },
  'migration-failed': {
    title: 'Upgrading the workspace failed',
    summary:
      'Eval Lab could not upgrade this workspace to its current format. The database was restored from the ' +
      'backup taken just before the upgrade, so your data is as it was.',
    steps: [
      'Keep the backup file below until a version of Eval Lab opens the workspace again.',
      'Report the message below so the upgrade can be fixed.',
      otherFolder,
    ],
  },
  unreadable: {
    title: 'This workspace cannot be read',
    summary:
      'The database file could not be opened: it may be missing, not readable with your permissions, damaged, ' +
      'or not an Eval Lab database. Eval Lab did not change it.',
    steps: [
      'Check that the file exists and that you can read and write it and its folder.',
      'If the file is damaged, restore it from your own backup.',
      otherFolder,
    ],
  },
}
