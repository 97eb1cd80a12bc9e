import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Waits on a timer that close() cancels, so a scripted latency never outlives the fake. */
  sleep(ms: number): Promise<void>;
  /** Stops listening and cuts open connections: a long poll or a 'hang' fault would otherwise hold the close forever. */
  close(): Promise<void>;
}

/**
 * The HTTP plumbing every fake platform shares: listen on loopback only (the
 * fakes are for tests and the demo, never for the network), turn a thrown
 * error into the platform's own error answer, and cut the connection instead
 * when the answer had already begun (a cut-short body, a dropped socket).
 */
export async function listenOnLoopback(
  route: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  answerError: (error: unknown, response: ServerResponse, request: IncomingMessage) => void,
  port = 0,
): Promise<LoopbackServer> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) {
        response.destroy();
        return;
      }
      answerError(error, response, request);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
