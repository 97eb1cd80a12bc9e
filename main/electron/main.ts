import { app, BrowserWindow, clipboard, dialog, globalShortcut, Menu, safeStorage, screen, shell } from 'electron';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { DesktopSettings } from '../../shared/desktop-settings';
import type { AccountSummary } from '../../shared/domain';
import { createTranslator, pickLanguage, type Translator } from '../../shared/i18n';
import { DEFAULT_KEYMAP, resolveKeymap, type ActionId, type Binding, type Chord } from '../../shared/keymap';
import { createClient } from '../../shared/rpc';
import { memoryTransport } from '../../shared/rpc/transports/memory';
import { startDemoSandbox } from '../engine/demo';
import { LogFile, readLogTail } from '../engine/support/log-file';
import { EngineStartError, startEngineThread } from '../engine/worker-proxy';
import { buildAppMenu, strokeInputEvents } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { loadDesktopSettings, saveDesktopSettings } from './desktop-settings';
import { desktopSettingsCalls, withDesktopCalls } from './desktop-settings-calls';
import { buildDiagnostics } from './diagnostics';
import { EngineSupervisor, type EngineStatus } from './engine-supervisor';
import { askPagesToOpen, bridgeIpc } from './ipc-bridge';
import { notificationMenu } from './notification-menu';
import { showNotices } from './notifier';
import { QueueWatch } from './queue-watch';
import { SafeStorageSecretStore } from './safe-storage-store';
import { createTrayBadge, type TrayBadge } from './tray-badge';
import { electronUpdater } from './update/electron-updater-adapter';
import { UpdateFlow, type UpdateState } from './update/update-flow';
import { createMainWindow } from './window';
import { restoreWindowPlacement } from './window-bounds';

/**
 * The desktop shell: one secure window, the engine in a supervised worker
 * thread, IPC between them, and the OS around them (menu, tray, badge,
 * notifications, global shortcut, updates, logs). Every decision lives in a
 * pure module next to this file; this one only wires them to Electron.
 */
const { values } = parseArgs({
  args: process.argv.slice(app.isPackaged ? 1 : 2),
  options: { demo: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, 'user-data-dir': { type: 'string' } },
  strict: false,
});
const demo = values.demo === true;
// Tests and a second workspace give their own folder for the shell's state; it must be set before anything reads it.
if (typeof values['user-data-dir'] === 'string') app.setPath('userData', values['user-data-dir']);
const userData = app.getPath('userData');
const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : join(userData, demo ? 'demo' : 'workspace');
// One instance per workspace: Chromium's single-instance lock is per profile folder, so each workspace gets its own
// profile (and log folder); desktop-settings.json stays in the shared folder above them.
const profileDir = join(userData, 'profiles', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
app.setPath('userData', profileDir);
const logDir = join(profileDir, 'logs');
// Checked before anything is written: a second launch only hands over to the first (see 'second-instance') and exits.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.exit(0);

const loaded = loadDesktopSettings(userData);
const log = new LogFile({ dir: logDir, name: 'main', debug: loaded.settings.debugLogging });
log.write('info', `Switchboard ${app.getVersion()} starting on ${process.platform} ${process.arch}`);
for (const problem of loaded.problems) log.write('warn', `desktop settings: ${problem}`);
if (loaded.quarantinedTo) log.write('warn', `desktop settings: the damaged file was kept as ${loaded.quarantinedTo}`);
process.on('uncaughtException', (error) => {
  log.error('main: uncaught exception', error);
  dialog.showErrorBox('Switchboard', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
process.on('unhandledRejection', (reason) => log.error('main: unhandled rejection', reason));

// The one way the desktop settings change (Settings in the page, the menu, the tray); each change is put into effect here.
const desktop = desktopSettingsCalls({
  initial: loaded.settings,
  save: (next) => saveDesktopSettings(userData, next),
  effects: {
    registerShortcut,
    unregisterShortcut: (accelerator) => globalShortcut.unregister(accelerator),
    apply: (next, previous) => {
      log.debug = next.debugLogging; // main.log at once; the engine thread reads it when it next starts
      if (!isDeepStrictEqual(next.updates, previous.updates)) startUpdates(next.updates);
    },
  },
  accountIds: async () => (await engine.call('app.status', {})).accounts.map((account) => account.id),
});
desktop.onChange(() => installMenu());

registerAppScheme();

let t: Translator = createTranslator('en'); // the OS language once the app is ready, then the workspace's
let bindings: readonly Binding[] = [];
let accounts: AccountSummary[] = [];
let window: BrowserWindow | undefined;
let tray: TrayBadge | undefined;
let queueWatch: QueueWatch | undefined;
let updateFlow: UpdateFlow | undefined;
let engineStatus: EngineStatus = { state: 'running', restarts: 0 };
let stopSandbox: (() => Promise<void>) | undefined;
let installingUpdate = false;
let shutdown: Promise<void> | undefined;
let shutdownDone = false;
let demoSandboxUrl: string | undefined;
let bridge: ReturnType<typeof bridgeIpc> | undefined;
let secretFallback: SafeStorageSecretStore | undefined;

const supervisor = new EngineSupervisor({
  start: async () => {
    const sandbox = demo && !stopSandbox ? await startDemoSandbox(dataDir, undefined, log.asSink('info')) : undefined;
    if (sandbox) {
      stopSandbox = () => sandbox.close();
      process.stderr.write(`Sandbox platform (demo) at ${sandbox.url}\n`); // as the browser host says it: tests and curious users poke it
    }
    demoSandboxUrl ??= sandbox?.url;
    return startEngineThread(
      join(__dirname, 'engine-worker.cjs'),
      { dataDir, demoSandboxUrl, pollIntervalMs: demo ? 2_000 : undefined, logDir, debugLogging: desktop.current.debugLogging },
      { secretFallback },
    );
  },
  onStatus: (status) => onEngineStatus(status),
  log: log.asSink('error'),
});
const engine = createClient(memoryTransport(supervisor));

async function start(): Promise<void> {
  await app.whenReady();
  t = createTranslator(pickLanguage([app.getLocale()]));
  // Only now: before 'ready', safeStorage says encryption is unavailable (Linux). The file sits in
  // this workspace's profile folder, on this machine, where the key that opens it lives too.
  secretFallback = new SafeStorageSecretStore(safeStorage, join(profileDir, 'secrets.bin'));
  try {
    await supervisor.start();
  } catch (error) {
    log.error('engine: could not start', error);
    dialog.showErrorBox('Switchboard', t('desktop.engine.cannotOpen', { reason: error instanceof EngineStartError ? error.message : String(error) }));
    app.exit(1);
    return;
  }
  await readWorkspaceSettings();
  engine.on('settings.changed', () => void readWorkspaceSettings().then(refreshChrome));
  serveRenderer(join(__dirname, '..', 'renderer'));
  bridge = bridgeIpc(withDesktopCalls(supervisor, desktop));
  openWindow();
  tray = createTrayBadge(iconFile(), t, { show: () => bringForward(), quit: () => app.quit() });
  queueWatch = new QueueWatch({
    engine: supervisor,
    notificationSettings: () => desktop.current.notifications,
    onCount: (count) => tray?.setCount(count),
    onNotices: (notices) =>
      showNotices(notices, t, (conversationId) => {
        bringForward();
        askPagesToOpen({ conversationId });
      }),
    log: log.asSink('warn'),
  });
  queueWatch.start();
  registerGlobalShortcut();
  startUpdates(desktop.current.updates);
  installMenu();
}

function openWindow(): void {
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
  const placement = restoreWindowPlacement(desktop.current.window, areas);
  window = createMainWindow(join(__dirname, '..', 'preload', 'preload.cjs'), placement, t('app.name'));
  if (placement.maximized) window.maximize();
  window.on('close', () => rememberWindow());
  window.on('closed', () => (window = undefined));
}

function rememberWindow(): void {
  if (!window || window.isDestroyed()) return;
  const { x, y, width, height } = window.getNormalBounds();
  try {
    desktop.rememberWindow({ x, y, width, height, maximized: window.isMaximized() });
  } catch (error) {
    log.error('desktop settings: could not save the window position', error);
  }
}

/** Shows, un-minimizes and focuses the window; with an action, runs it there as its keys would. */
function bringForward(action?: ActionId): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  const chord = action ? bindings.find((binding) => binding.action === action)?.chord : undefined;
  if (action && chord) pressKeys(chord);
}

function pressKeys(chord: Chord): void {
  const contents = window?.webContents;
  if (!contents) return;
  for (const stroke of chord) for (const event of strokeInputEvents(stroke, process.platform === 'darwin' ? 'mac' : 'other')) contents.sendInputEvent(event);
}

/** The workspace's language and keymap (engine settings) drive the menu, tray and notifications. */
async function readWorkspaceSettings(): Promise<void> {
  try {
    const workspace = await engine.call('settings.get', {});
    t = createTranslator(workspace.language ?? pickLanguage([app.getLocale()]));
    const resolved = resolveKeymap(DEFAULT_KEYMAP, workspace.keymap);
    bindings = 'bindings' in resolved ? resolved.bindings : bindings;
    accounts = (await engine.call('app.status', {})).accounts;
  } catch (error) {
    log.error('settings: could not read the workspace settings', error);
  }
}

function refreshChrome(): void {
  tray?.setTranslator(t);
  installMenu();
}

function notificationSwitches() {
  // The same path as Settings in the page: the menu is rebuilt once the change is saved (desktop.onChange).
  return notificationMenu(t, desktop.current.notifications, accounts, (next) => {
    desktop.update({ notifications: next }).catch((error: unknown) => log.error('desktop settings: could not change the notification settings', error));
  });
}

function installMenu(): void {
  const update: UpdateState = updateFlow?.state ?? { phase: 'idle' };
  const template = buildAppMenu({
    t,
    bindings,
    platform: process.platform === 'darwin' ? 'mac' : 'other',
    update,
    notifications: notificationSwitches(),
    commands: {
      runAction: (action) => bringForward(action),
      copyDiagnostics,
      openLogFolder: () => void shell.openPath(logDir),
      checkForUpdates: () => void updateFlow?.check(),
      installUpdate: () => void updateFlow?.install(),
      quit: () => app.quit(),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  tray?.setExtraItems([{ type: 'separator' }, notificationSwitches()]);
}

function copyDiagnostics(): void {
  clipboard.writeText(
    buildDiagnostics({
      appVersion: app.getVersion(),
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      locale: app.getLocale(),
      packaged: app.isPackaged,
      settings: desktop.current,
      engine: engineStatus,
      update: updateFlow?.state ?? { phase: 'idle' },
      logs: { 'main.log': readLogTail(log.file, 20_000), 'engine.log': readLogTail(join(logDir, 'engine.log'), 20_000) },
    }),
  );
  void dialog.showMessageBox({ type: 'info', message: t('desktop.diagnostics.copied'), buttons: [t('desktop.ok')] });
}

function onEngineStatus(status: EngineStatus): void {
  const previous = engineStatus;
  engineStatus = status;
  if (status.state === 'running' && status.restarts > 0 && previous.state !== 'running' && previous.state !== 'failed' && window) {
    // The page re-reads everything from the new engine; drafts were saved as typed, queued replies are in the outbox.
    window.webContents.reload();
    void dialog.showMessageBox(window, { type: 'warning', message: t('desktop.engine.restarted'), detail: t('desktop.engine.restartedDetail', { code: previous.exitCode }), buttons: [t('desktop.ok')] });
  } else if (status.state === 'failed') {
    const options = { type: 'error' as const, message: t('desktop.engine.failed', { code: status.exitCode }), buttons: [t('desktop.ok')] };
    void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  }
}

/** At start there is no one to refuse: a shortcut another application took meanwhile is only logged. */
function registerGlobalShortcut(): void {
  const accelerator = desktop.current.globalShortcut;
  if (!accelerator) return;
  const outcome = registerShortcut(accelerator);
  if (outcome !== 'registered') log.write('warn', `global shortcut ${accelerator} was not registered: ${outcome === 'taken' ? 'another application holds it' : 'not a valid accelerator here'}`);
}

function registerShortcut(accelerator: string): 'registered' | 'taken' | 'invalid' {
  try {
    return globalShortcut.register(accelerator, () => bringForward()) ? 'registered' : 'taken';
  } catch (error) {
    log.error(`global shortcut ${accelerator} is not a valid accelerator`, error);
    return 'invalid';
  }
}

/** (Re)starts the update checks with these settings; a changed feed or interval replaces the running flow. */
function startUpdates(updates: DesktopSettings['updates']): void {
  // Mid-install the flow is closing the app; the new settings apply at the next start.
  if (updateFlow?.state.phase === 'installing') return;
  updateFlow?.stop();
  updateFlow = undefined;
  // Unpacked development builds have no app-update.yml and nothing to update.
  if (!updates.enabled || !app.isPackaged) return;
  updateFlow = new UpdateFlow({
    updater: electronUpdater({ feedUrl: updates.url, log: log.asSink('info') }),
    checkIntervalMs: updates.checkIntervalHours * 3_600_000,
    prepareForRestart,
    log: log.asSink('warn'),
  });
  updateFlow.onChange((state) => {
    installMenu();
    if (state.phase === 'downloaded') void offerRestart(state.version);
  });
  updateFlow.start();
}

async function offerRestart(version: string): Promise<void> {
  const options = {
    type: 'info' as const,
    message: t('desktop.update.ready', { version }),
    detail: t('desktop.update.readyDetail'),
    buttons: [t('desktop.update.restart'), t('desktop.update.later')],
    defaultId: 0,
    cancelId: 1,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 0) await updateFlow?.install();
}

/** Before the installer runs: the window closes (the page saves its drafts on pagehide), then the engine closes the workspace. */
async function prepareForRestart(): Promise<void> {
  installingUpdate = true;
  const closing = window;
  if (closing && !closing.isDestroyed()) {
    await new Promise<void>((resolve) => {
      closing.once('closed', () => resolve());
      closing.close();
    });
  }
  try {
    await shutDown();
  } catch (error) {
    installingUpdate = false;
    throw error;
  }
}

function shutDown(): Promise<void> {
  shutdown ??= (async () => {
    queueWatch?.stop();
    updateFlow?.stop();
    tray?.destroy();
    globalShortcut.unregisterAll();
    engine.close();
    await bridge?.settled(); // the page's last calls (drafts saved on pagehide) reach the engine before it closes
    await supervisor.close();
    await stopSandbox?.();
    log.write('info', 'Switchboard stopped');
    shutdownDone = true;
  })();
  return shutdown;
}

function iconFile(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources', 'icons', 'icon.png') : join(__dirname, '..', '..', 'resources', 'icons', 'icon.png');
}

app.on('second-instance', () => bringForward());
app.on('window-all-closed', () => {
  if (!installingUpdate) app.quit();
});
app.on('will-quit', (event) => {
  if (shutdownDone) return;
  event.preventDefault();
  void shutDown()
    .catch((error: unknown) => log.error('shutdown failed', error))
    .finally(() => app.quit());
});

if (firstInstance) void start();
