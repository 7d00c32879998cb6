export { createClient, type ApiClient } from './client'
export { ApiError, TransportError, toErrorInfo } from './errors'
export { createMemoryTransport, type MemoryHandlers, type MemoryTransport } from './memory-transport'
export { createHttpTransport } from './http-transport'
export { createElectronTransport } from './electron-transport'
export { pickTransport } from './pick-transport'
export {
  createManualConnection,
  type ClientTransport,
  type ConnectionSource,
  type ConnectionState,
} from './connection'
