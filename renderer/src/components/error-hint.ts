import type { ErrorCode } from '../../../shared/contract'

/**
 * What a person can do about an expected failure, shown under the core's own message (which names the
 * file, row or limit). Codes without a hint of their own are self-explanatory or a bug report.
 */
const hints: Partial<Record<ErrorCode, string>> = {
  DISK_FULL: 'Free space on the disk that holds this file (or choose another folder), then try again.',
  LIMIT_EXCEEDED:
    'This is over one of Eval Lab’s limits (listed in the README). Split the file or shorten the value.',
}

export function errorHint(code: ErrorCode): string | null {
  return hints[code] ?? null
}
