/** `my-vllm` -> `EVALLAB_MY_VLLM_API_KEY`: the name every provider's own key can be given under. */
export function apiKeyEnvName(name: string): string {
  return `EVALLAB_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`
}
