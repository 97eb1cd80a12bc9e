import type { EventFrame, ResultFrame } from './frames';

/**
 * The engine as seen by a host: it takes call frames and pushes event frames.
 * Implemented by the engine itself (in-process) and by the worker proxy that
 * hosts use to reach the engine thread.
 */
export interface EngineEndpoint {
  dispatch(frame: unknown): Promise<ResultFrame>;
  subscribe(listener: (frame: EventFrame) => void): () => void;
}
