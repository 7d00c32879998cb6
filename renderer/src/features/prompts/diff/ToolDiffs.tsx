import { useMemo } from 'react'
import type { PromptVersion } from '../../../../../shared/domain/prompts'
import { DiffEditor } from '../../../lib/monaco'
import { toolPairs } from './tool-pairs'

/** One side-by-side diff per tool definition (matched by name), like the messages'. */
export function ToolDiffs({ left, right }: { left: PromptVersion; right: PromptVersion }) {
  const pairs = useMemo(() => toolPairs(left.params.tools, right.params.tools), [left, right])
  const l = `v${left.number}`
  const r = `v${right.number}`
  return (
    <>
      {pairs.map(({ name, before, after, status }) => {
        const note =
          status === 'added'
            ? `added in ${r}`
            : status === 'removed'
              ? `removed in ${r}`
              : status === 'same'
                ? 'unchanged'
                : 'changed'
        return (
          <section
            key={name}
            className="diff-message"
            data-testid="diff-tool"
            data-tool={name}
            data-status={status}
          >
            <h3>
              Tool <code>{name}</code> <span className={`diff-status ${status}`}>{note}</span>
            </h3>
            <DiffEditor
              original={before}
              modified={after}
              language="json"
              ariaLabel={`Tool ${name}: ${l} against ${r}`}
            />
          </section>
        )
      })}
    </>
  )
}
