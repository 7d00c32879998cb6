/** Bytes as base64, in chunks so a 50 MB file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

/**
 * Reads a chosen file untouched: the core decodes it (UTF-8, UTF-16, Latin-1 …) and names the bad bytes,
 * so the renderer must not decode it first.
 */
export async function readFileBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()))
}
