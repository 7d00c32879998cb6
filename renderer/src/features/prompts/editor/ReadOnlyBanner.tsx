interface Props {
  shownNumber: number
  latestNumber: number
  onBack: () => void
}

export function ReadOnlyBanner({ shownNumber, latestNumber, onBack }: Props) {
  return (
    <div className="banner" role="status" data-testid="readonly-banner">
      <span>
        Viewing v{shownNumber} (read-only). The latest is v{latestNumber}.
      </span>
      <button type="button" className="link-button" data-testid="back-to-latest" onClick={onBack}>
        Back to latest
      </button>
    </div>
  )
}
