// The second half of the domain schemas, in a task of its own before the contract (see main.tsx).
import '../../../shared/domain/datasets'
import '../../../shared/domain/dataset-import'
import '../../../shared/domain/bundles'
import '../../../shared/domain/registry'
import '../../../shared/domain/compare'
import '../../../shared/domain/prompts'
import '../../../shared/domain/providers'
