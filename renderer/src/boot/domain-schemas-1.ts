// Evaluated in a task of its own before the contract (see main.tsx): these domain modules build about half
// of the zod schemas the contract is made of; building them all in the contract's task made one long task.
import '../../../shared/domain/scoring'
import '../../../shared/domain/review'
import '../../../shared/domain/runs'
import '../../../shared/domain/production'
