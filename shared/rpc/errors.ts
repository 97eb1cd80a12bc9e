import type { z } from 'zod';
import type { ErrorCode, ErrorIssue, RpcErrorBody } from './frames';

/** A typed failure of a contract call; what a client's promise rejects with. */
export class RpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'RpcError';
  }

  toBody(): RpcErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromBody(body: RpcErrorBody): RpcError {
    return new RpcError(body.code, body.message, body.issues);
  }
}

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
