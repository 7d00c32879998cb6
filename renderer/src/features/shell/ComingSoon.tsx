import type { ComingSoonCopy } from './coming-soon'

export function ComingSoon({ copy }: { copy: ComingSoonCopy }) {
  return (
    <section className="coming-soon" aria-labelledby="coming-soon-title">
      <h2 id="coming-soon-title">{copy.title}</h2>
      <p>{copy.what}</p>
      <p className="muted">{copy.useful}</p>
    </section>
  )
}
