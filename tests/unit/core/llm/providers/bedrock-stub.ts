import { afterEach, vi } from 'vitest'
import { fakeAwsEnv } from '../../../../fixtures/mock-llm/aws-env'

/** Sets the fake AWS environment for each test of the file (and restores the real one after each). */
export function useFakeAwsEnv(): (keys?: boolean) => void {
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  return (keys = true) => {
    for (const [name, value] of Object.entries(fakeAwsEnv(keys))) vi.stubEnv(name, value)
  }
}
