import { z } from 'zod'

// Zod probes `new Function('')` to decide whether to compile fast parsers. Under our CSP (no
// 'unsafe-eval') the probe fails harmlessly but is reported as a CSP violation on every start, which
// would hide real ones. Parse without JIT instead; the renderer's payloads are small.
z.config({ jitless: true })
