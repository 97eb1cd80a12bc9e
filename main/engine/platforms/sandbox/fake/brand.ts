import type { WireMe } from '../wire';

/** The account the agent answers as: `GET /v1/me`, and the author of every outbound item. */
export const BRAND: WireMe = { id: 'brand', name: 'Northwind Goods', handle: '@northwind' };
