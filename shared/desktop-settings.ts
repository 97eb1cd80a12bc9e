import { z } from 'zod';
import { globalShortcutProblem } from './accelerator';

/**
 * Settings that belong to this machine's desktop shell rather than to the
 * workspace: where the window was, notifications, the global shortcut, the
 * update feed, debug logging. The shell keeps them in a file of its own
 * (main/electron/desktop-settings.ts) and answers the `desktop.settings.*`
 * calls itself; the engine never sees them. The schema lives here so the
 * contract and the Settings screen check them the same way.
 */

const WindowBounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.output<typeof WindowBounds>;

export const UpdateFeedUrl = z.url({ protocol: /^https$/, error: 'the update feed must be an https:// address' }).max(2_048);

/** An Electron accelerator the OS can give the app system-wide (see shared/accelerator.ts). */
export const GlobalShortcut = z
  .string()
  .max(64)
  .superRefine((text, context) => {
    const problem = globalShortcutProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

// Each section's fields without defaults: a patch names only what it changes, and a file may leave fields out.
const NotificationFields = z.object({
  enabled: z.boolean(),
  doNotDisturb: z.boolean(),
  /** Accounts whose new items never notify (ids, as the engine names them). */
  mutedAccounts: z.array(z.string().min(1).max(64)).max(1_000),
  /** "SLA about to breach" fires this long before an item is due. */
  slaWarningMinutes: z.number().int().min(1).max(240),
});

const UpdateFields = z.object({
  enabled: z.boolean(),
  /** The generic-provider folder; null keeps the one built into the app (electron-builder.yml). */
  url: UpdateFeedUrl.nullable(),
  checkIntervalHours: z.number().min(1).max(168),
});

/** The fields given a value: `{ enabled: undefined }` changes nothing, it does not unset. */
const given = <T extends object>(fields: T): Partial<T> => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

/** A section read with its fields' defaults filling what is missing. */
const withDefaults = <T extends z.ZodObject>(fields: T, defaults: z.output<T>) =>
  fields
    .partial()
    .default({})
    .transform((read) => ({ ...defaults, ...given(read) }) as z.output<T>);

const sections = {
  window: WindowBounds.nullable().default(null),
  notifications: withDefaults(NotificationFields, { enabled: true, doNotDisturb: false, mutedAccounts: [], slaWarningMinutes: 10 }),
  /** Brings the window forward from any application; off (null) by default. */
  globalShortcut: GlobalShortcut.nullable().default(null),
  updates: withDefaults(UpdateFields, { enabled: true, url: null, checkIntervalHours: 4 }),
  /** Debug logging writes message bodies to the log; for a support case, not for every day. */
  debugLogging: z.boolean().default(false),
};

export const DesktopSettings = z.object(sections);
export type DesktopSettings = z.output<typeof DesktopSettings>;

/** What the Settings screen shows and may change: everything but the window's place, which the shell keeps itself. */
export const DesktopPreferences = DesktopSettings.omit({ window: true });
export type DesktopPreferences = z.output<typeof DesktopPreferences>;

/** A change to the preferences: only the fields named change, the rest stay as they are. */
export const DesktopSettingsPatch = z
  .object({
    notifications: NotificationFields.partial().strict().optional(),
    globalShortcut: GlobalShortcut.nullable().optional(),
    updates: UpdateFields.partial().strict().optional(),
    debugLogging: z.boolean().optional(),
  })
  .strict();
export type DesktopSettingsPatch = z.output<typeof DesktopSettingsPatch>;

/** The settings with a patch applied; fields the patch leaves out keep their values. */
export function patchDesktopSettings(current: DesktopSettings, patch: DesktopSettingsPatch): DesktopSettings {
  return {
    ...current,
    notifications: { ...current.notifications, ...given(patch.notifications ?? {}) },
    updates: { ...current.updates, ...given(patch.updates ?? {}) },
    globalShortcut: patch.globalShortcut === undefined ? current.globalShortcut : patch.globalShortcut,
    debugLogging: patch.debugLogging ?? current.debugLogging,
  };
}

/** Why desktop settings calls are refused outside the desktop app (the engine and the browser host answer it). */
export const DESKTOP_ONLY = 'Desktop settings exist only in the desktop app';
