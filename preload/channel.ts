/** The one IPC channel between the page and the shell: contract frames, both ways. */
export const FRAME_CHANNEL = 'switchboard:frame';
