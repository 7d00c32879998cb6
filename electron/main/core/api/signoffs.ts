import { AppError } from '../../../../shared/contract'
import type { SigningKey } from '../../../../shared/domain/bundles'
import { canonicalJsonPretty } from '../../../../shared/lib/canonical-json'
import { promptSlug } from '../bundles/format'
import type { Handlers } from '../dispatch'
import { createSignoff, listSignoffs } from '../signoffs'
import { publicKeyFile } from '../signing/key-pair'
import type { SigningKeyStore } from '../signing/types'
import { writeTransaction, type CoreContext } from '../context'

type SignoffHandlers = Pick<
  Handlers,
  | 'signingKeys.list'
  | 'signingKeys.create'
  | 'signingKeys.exportPublic'
  | 'signingKeys.delete'
  | 'signoffs.create'
  | 'signoffs.list'
>

/** Users' signing keys and sign-offs of baselines. Private keys stay inside `keys`; only public halves leave. */
export function signoffHandlers(ctx: CoreContext, keys: SigningKeyStore): SignoffHandlers {
  return {
    'signingKeys.list': () => keys.list(),
    'signingKeys.create': ({ owner }) => keys.create(owner),
    'signingKeys.exportPublic': ({ keyId }) => {
      const key = requireKey(keys, keyId)
      // The same slug rule as prompt folders gives a file name safe on every platform.
      return {
        fileName: `${promptSlug(key.owner)}-${key.keyId}.pub.json`,
        content: canonicalJsonPretty(publicKeyFile(key)),
      }
    },
    'signingKeys.delete': async ({ keyId }) => ({ deleted: await keys.delete(keyId) }),
    // Signing is synchronous, so it happens inside the transaction that sets the baseline and inserts.
    'signoffs.create': (input) => writeTransaction(ctx, () => createSignoff(ctx, keys, input)),
    'signoffs.list': ({ promptId }) => listSignoffs(ctx, promptId),
  }
}

function requireKey(keys: SigningKeyStore, keyId: string): SigningKey {
  const key = keys.list().find((k) => k.keyId === keyId)
  if (!key) throw new AppError('NOT_FOUND', `No signing key ${keyId} on this computer`)
  return key
}
