/**
 * The page asks for no browser permission: notifications are native (shown
 * by the shell), there is no camera, microphone, location, MIDI, HID or
 * clipboard reading. So every request and every check is denied, and a new
 * permission Electron adds later is denied too until someone decides otherwise
 * here, with a test.
 */
export function allowPermission(_permission: string, _requestingUrl: string): boolean {
  return false;
}
