/**
 * Part of every code scorer's fingerprint. Bumped when what a scorer sees or may do changes (the engine
 * version, the prelude's clock and random rules, the input's shape, how results are read), so stored scores
 * keep the sandbox that made them and a re-score under a new sandbox adds its own rows.
 */
export const codeSandboxVersion = 'quickjs-emscripten-0.32/prelude-1/input-1'
