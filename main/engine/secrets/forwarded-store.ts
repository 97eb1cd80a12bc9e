import type { MessagePort } from 'node:worker_threads';
import { SecretAnswer, SecretAnswerValue, secretMessageId, type SecretOp, type SecretRequest } from '../worker-protocol';
import { checkKey, checkSecret, safeReason, SecretStoreError, type SecretStore } from './secret-store';

/**
 * How long a forwarded call waits for the host. Generous: the host's store may
 * be waiting on the OS (macOS asks once whether the app may use its
 * safeStorage key), and a call that gives up while that prompt is open fails
 * an account the user is connecting.
 */
export const DEFAULT_FORWARD_TIMEOUT_MS = 30_000;

interface Waiting {
  op: SecretOp;
  key?: string;
  secret?: string;
  resolve(value: unknown): void;
  reject(error: SecretStoreError): void;
  timer: NodeJS.Timeout;
}

type Call = SecretRequest extends infer Request ? (Request extends SecretRequest ? Omit<Request, 'id'> : never) : never;

/**
 * A SecretStore that lives in the engine thread but keeps nothing itself:
 * every call goes over a MessagePort to the host, which serves it from a store
 * the engine thread cannot reach (Electron's safeStorage exists only in the
 * main process; see serveSecretStore). Keys and secrets are checked here first,
 * so nothing the store would refuse crosses the port.
 */
export class ForwardedSecretStore implements SecretStore {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly port: MessagePort,
    private readonly timeoutMs = DEFAULT_FORWARD_TIMEOUT_MS,
  ) {
    port.on('message', (message: unknown) => this.receive(message));
    port.on('close', () => this.close());
    // The port alone must not keep the engine thread alive once it is done; a call in flight does, by its timer.
    port.unref();
  }

  async get(key: string): Promise<string | null> {
    return this.call('get', { op: 'get', key: checkKey(key) });
  }

  async set(key: string, secret: string): Promise<void> {
    await this.call('set', { op: 'set', key, secret: checkSecret(checkKey(key), secret) });
  }

  async delete(key: string): Promise<boolean> {
    return this.call('delete', { op: 'delete', key: checkKey(key) });
  }

  async list(): Promise<string[]> {
    return this.call('list', { op: 'list' });
  }

  /** Fails every call in flight and every later one as 'unavailable', and lets the port go. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [id, waiting] of this.waiting) this.settle(id, () => waiting.reject(new SecretStoreError('unavailable', 'The app’s fallback secret store closed its connection', waiting.key)));
    this.port.close();
  }

  private call<Op extends SecretOp>(op: Op, request: Call & { op: Op }): Promise<SecretAnswerValue<Op>> {
    const key = 'key' in request ? request.key : undefined;
    const secret = 'secret' in request ? request.secret : undefined;
    if (this.closed) return Promise.reject(new SecretStoreError('unavailable', 'The app’s fallback secret store is closed', key));
    const id = this.nextId++;
    return new Promise<SecretAnswerValue<Op>>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(id, () => reject(new SecretStoreError('unavailable', `The app’s fallback secret store did not answer ${op} within ${this.timeoutMs} ms`, key))),
        this.timeoutMs,
      );
      this.waiting.set(id, { op, key, secret, resolve: resolve as (value: unknown) => void, reject, timer });
      this.port.postMessage({ ...request, id } satisfies SecretRequest);
    });
  }

  private receive(message: unknown): void {
    const id = secretMessageId(message);
    const waiting = id === null ? undefined : this.waiting.get(id);
    // An answer to a call that already timed out, or one that names no call: the caller has had its error.
    if (id === null || !waiting) return;
    this.settle(id, () => {
      const answer = SecretAnswer.safeParse(message);
      if (!answer.success) return waiting.reject(new SecretStoreError('failed', `The app’s fallback secret store sent an answer to ${waiting.op} that could not be read`, waiting.key));
      if (!answer.data.ok) return waiting.reject(new SecretStoreError(answer.data.error.code, safeReason(answer.data.error.message, waiting.secret), waiting.key));
      const value = SecretAnswerValue[waiting.op].safeParse(answer.data.value);
      if (!value.success) return waiting.reject(new SecretStoreError('failed', `The app’s fallback secret store answered ${waiting.op} with a value of the wrong kind`, waiting.key));
      waiting.resolve(value.data);
    });
  }

  private settle(id: number, outcome: () => void): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting.delete(id);
    outcome();
  }
}
