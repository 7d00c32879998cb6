import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorNotice } from '../../../renderer/src/components/ErrorNotice'

afterEach(cleanup)

describe('ErrorNotice', () => {
  it('says what to do about a full disk, beside the message naming the file', () => {
    const message =
      'The disk is full: could not write /data/evallab/evallab.db. Nothing was saved; free some space and try again.'
    render(<ErrorNotice title="Could not import" error={{ code: 'DISK_FULL', message }} testId="n" />)
    const notice = screen.getByTestId('n')
    expect(notice.dataset.errorCode).toBe('DISK_FULL')
    expect(notice.textContent).toContain('could not write /data/evallab/evallab.db')
    expect(notice.querySelector('.error-hint')?.textContent).toMatch(/^Free space on the disk/)
  })

  it('points at the limits for LIMIT_EXCEEDED, and adds nothing for other codes', () => {
    const message = 'The call is larger than the host accepts (128 MiB): send a smaller file'
    render(<ErrorNotice title="Could not import" error={{ code: 'LIMIT_EXCEEDED', message }} testId="a" />)
    expect(screen.getByTestId('a').querySelector('.error-hint')?.textContent).toContain('limits')
    render(<ErrorNotice title="x" error={{ code: 'NOT_FOUND', message: 'No prompt "y"' }} testId="b" />)
    expect(screen.getByTestId('b').querySelector('.error-hint')).toBeNull()
  })
})
