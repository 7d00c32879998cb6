import { assertOpenProbability } from './validate'

/**
 * Standard normal cumulative distribution Φ(x), with relative precision in the far tails (a naive
 * 1 − erfc form loses it, and gates read p-values of 1e-9 as easily as 0.04).
 * |x| < 3: Hart's rational approximation 5666 as given by G. West (2005), "Better approximations to
 * cumulative normal functions" (about 1e-15). Beyond: Laplace's continued fraction for Mills' ratio,
 * which converges quickly there, where Hart's form drifts to 1e-9 relative.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  const tail = normalTailBeyond(Math.abs(x))
  return x > 0 ? 1 - tail : tail
}

/** Φ(−xAbs) for xAbs ≥ 0. */
function normalTailBeyond(xAbs: number): number {
  if (xAbs > 38.5) return 0
  const exponential = Math.exp((-xAbs * xAbs) / 2)
  if (xAbs < 3) return (exponential * polynomial(xAbs, HART_NUMERATOR)) / polynomial(xAbs, HART_DENOMINATOR)
  return (exponential * INV_SQRT_2PI) / millsContinuedFraction(xAbs)
}

const INV_SQRT_2PI = 0.3989422804014327

/** x + 1/(x + 2/(x + 3/(x + …))) by the modified Lentz method; (1 − Φ(x)) = φ(x) / this. */
function millsContinuedFraction(x: number): number {
  let value = x
  let c = x
  let d = 0
  for (let i = 1; i < 500; i++) {
    d = 1 / (x + i * d)
    c = x + i / c
    const delta = c * d
    value *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return value
}

// Highest degree first, evaluated by Horner's rule.
const HART_NUMERATOR = [
  3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871,
  221.213596169931, 220.206867912376,
]
const HART_DENOMINATOR = [
  8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674,
  637.333633378831, 793.826512519948, 440.413735824752,
]

function polynomial(x: number, coefficientsHighFirst: readonly number[]): number {
  let sum = 0
  for (const coefficient of coefficientsHighFirst) sum = sum * x + coefficient
  return sum
}

/**
 * Standard normal quantile Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, Applied Statistics 1988),
 * accurate to about 1e-16 relative for p in (0, 1).
 */
export function normalQuantile(p: number): number {
  assertOpenProbability('p', p)
  const q = p - 0.5
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q
    return (q * polynomial(r, AS241_A)) / polynomial(r, AS241_B)
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p))
  let value: number
  if (r <= 5) {
    r -= 1.6
    value = polynomial(r, AS241_C) / polynomial(r, AS241_D)
  } else {
    r -= 5
    value = polynomial(r, AS241_E) / polynomial(r, AS241_F)
  }
  return q < 0 ? -value : value
}

// AS 241 coefficients, highest degree first (the paper lists them lowest first), written as the
// shortest literals of the same doubles (the paper prints 20 digits; a double holds 17).
const AS241_A = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946,
  1971.5909503065513, 133.14166789178438, 3.3871328727963665,
]
const AS241_B = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751,
  687.1870074920579, 42.31333070160091, 1,
]
const AS241_C = [
  0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045,
  5.769497221460691, 4.630337846156546, 1.4234371107496835,
]
const AS241_D = [
  1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851,
  1.6763848301838038, 2.053191626637759, 1,
]
const AS241_E = [
  2.0103343992922881e-7, 2.7115555687434876e-5, 0.0012426609473880784, 0.026532189526576124,
  0.29656057182850487, 1.7848265399172913, 5.463784911164114, 6.657904643501103,
]
const AS241_F = [
  2.0442631033899397e-15, 1.421511758316446e-7, 1.8463183175100548e-5, 0.0007868691311456133,
  0.014875361290850615, 0.1369298809227358, 0.599832206555888, 1,
]
