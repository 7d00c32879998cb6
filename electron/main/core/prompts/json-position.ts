/**
 * Where a text stops being valid JSON. JSON.parse names a position for some errors and not for others
 * ("Unexpected token '}'"), and the wording differs between Node versions; people fixing a file need the
 * line either way. Only called on text JSON.parse has already refused.
 */
export function jsonErrorPosition(text: string): number | null {
  const scanner = new Scanner(text)
  try {
    scanner.document()
    return null
  } catch (error) {
    if (error instanceof SyntaxAt) return error.position
    return null // e.g. nesting too deep for the stack: no position rather than a crash
  }
}

class SyntaxAt extends Error {
  constructor(readonly position: number) {
    super(`JSON syntax error at ${position}`)
  }
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

class Scanner {
  private i = 0

  constructor(private readonly text: string) {}

  document(): void {
    this.value()
    this.space()
    if (this.i < this.text.length) this.fail()
  }

  private value(): void {
    this.space()
    const c = this.text[this.i]
    if (c === '{') return this.container('}', () => this.member())
    if (c === '[') return this.container(']', () => this.value())
    if (c === '"') return this.string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number()
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length
        return
      }
    }
    this.fail()
  }

  private container(close: string, item: () => void): void {
    this.i++
    this.space()
    if (this.text[this.i] === close) return void this.i++
    for (;;) {
      item()
      this.space()
      const c = this.text[this.i]
      if (c === close) return void this.i++
      if (c !== ',') this.fail()
      this.i++
    }
  }

  private member(): void {
    this.space()
    if (this.text[this.i] !== '"') this.fail()
    this.string()
    this.space()
    if (this.text[this.i] !== ':') this.fail()
    this.i++
    this.value()
  }

  private string(): void {
    this.i++
    for (;;) {
      const c = this.text[this.i]
      if (c === undefined || c < ' ') this.fail()
      if (c === '"') return void this.i++
      if (c === '\\') this.escape()
      else this.i++
    }
  }

  private escape(): void {
    const c = this.text[this.i + 1]
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.i += 6
    else if (c !== undefined && escapes.has(c)) this.i += 2
    else this.fail(this.i + 1)
  }

  private number(): void {
    numberPattern.lastIndex = this.i
    const match = numberPattern.exec(this.text)
    if (!match) this.fail()
    this.i += match?.[0].length ?? 0
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.text[this.i] ?? '')) this.i++
  }

  private fail(position = this.i): never {
    throw new SyntaxAt(position)
  }
}
