import type { MessagePort } from 'node:worker_threads';
import { SecretRequest, secretMessageId, type SecretAnswer } from '../worker-protocol';
import { safeReason, SecretStoreError, type SecretStore } from './secret-store';

/**
 * The host's side of a ForwardedSecretStore: answers every SecretRequest that
 * arrives on `port` from `store`, until the port is closed (its owner closes
 * it). Whatever arrives is parsed first; a message that is not a request gets
 * an 'invalid' answer and the port goes on serving.
 */
export function serveSecretStore(port: MessagePort, store: SecretStore): void {
  port.on('message', (message: unknown) => void answer(store, message).then((reply) => port.postMessage(reply)));
}

async function answer(store: SecretStore, message: unknown): Promise<SecretAnswer> {
  const parsed = SecretRequest.safeParse(message);
  if (!parsed.success) {
    // Only the names of the fields that did not fit: their values may be the secret.
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'the message'))].join(', ');
    return { id: secretMessageId(message), ok: false, error: { code: 'invalid', message: `A secret request was malformed (${fields}) and was refused` } };
  }
  const request = parsed.data;
  try {
    switch (request.op) {
      case 'get':
        return { id: request.id, ok: true, value: await store.get(request.key) };
      case 'set':
        await store.set(request.key, request.secret);
        return { id: request.id, ok: true, value: null };
      case 'delete':
        return { id: request.id, ok: true, value: await store.delete(request.key) };
      case 'list':
        return { id: request.id, ok: true, value: await store.list() };
    }
  } catch (error) {
    // Stores keep secrets out of their messages; one that did not is cut here, before the message leaves.
    const secret = request.op === 'set' ? request.secret : undefined;
    const code = error instanceof SecretStoreError ? error.code : 'failed';
    return { id: request.id, ok: false, error: { code, message: safeReason(error, secret) } };
  }
}
