export { createClient, type Client, type Transport } from './client';
export { RpcError } from './errors';
export { handle, type Handlers } from './handle';
export type { EngineEndpoint } from './endpoint';
export * from './frames';
