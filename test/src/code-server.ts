/**
 * Real VS Code for tests: code-server 4.139.1 (VS Code OSS 1.139.1 with the real Node extension host) from
 * tools/vscode-host, run on Node 24 on 127.0.0.1 with a port of its own choosing, in a temp home that is
 * removed afterwards, and its whole process group killed. Two styles (recipe ../shared/recipes/REAL-CLIENT-TESTS.md 1.3):
 * - `runInHostSuite`: a suite in @vscode/test-electron's `run()` contract runs inside the extension host;
 *   the page's `codeAutomationExit(code)` ends it.
 * - `startCodeServer({ vsix })` + `launchChromium`: the packaged extension installed as a user would, for UI tests.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, promisify } from 'node:util';
import { launchChromium } from './chromium.ts';
import type { NetworkGuard } from './network-guard.ts';
import { CODE_SERVER_ENTRY, NODE24, requirePath } from './paths.ts';
import { makeTempDir } from './temp-dir.ts';

const START_TIMEOUT_MS = 60_000;

/** User settings that keep the workbench quiet and off the network. */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'update.mode': 'none',
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  // Tests edit documents; nothing may reach the disk.
  'files.autoSave': 'off',
  'files.hotExit': 'off',
};

/** A gallery on a closed loopback port: without it the server queries the public marketplace. */
const CLOSED_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/r',
});

export interface CodeServer {
  /** A private copy of `workspace` (tests may change files; the repository's fixtures stay as they are). */
  workspaceCopy(workspace: string): Promise<string>;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** `vscode-remote://127.0.0.1:PORT<path>`: how the workbench names a server-side file. */
  remoteUri(path: string): string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  guard: NetworkGuard;
  /** Lets the workbench honour the `payload` URL parameter (extension development and tests paths). */
  smokeTestDriver?: boolean;
  /** A .vsix installed into the server's extensions folder first, with `--install-extension`. */
  vsix?: string;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const node = requirePath(NODE24, 'pnpm install');
  const entry = requirePath(CODE_SERVER_ENTRY, 'bash scripts/setup.sh --install-only');
  const tmp = await makeTempDir('code-server');
  const home = join(tmp.path, 'home');
  const userData = join(tmp.path, 'user-data');
  const extensions = join(tmp.path, 'extensions');
  await mkdir(join(userData, 'User'), { recursive: true });
  await mkdir(extensions, { recursive: true });
  await mkdir(home, { recursive: true });
  await writeFile(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  const proxy = options.guard.proxyUrl;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    EXTENSIONS_GALLERY: CLOSED_GALLERY,
    // Anything the server or the extension host fetches goes to the guard's trap (and fails the test).
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    http_proxy: proxy,
    https_proxy: proxy,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];

  try {
    if (options.vsix) {
      await promisify(execFile)(node, [entry, ...dirs, '--install-extension', options.vsix], { env, timeout: START_TIMEOUT_MS });
    }
  } catch (error) {
    await tmp.remove();
    throw new Error(`code-server could not install ${options.vsix}: ${String(error)}`, { cause: error });
  }

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...dirs,
  ];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // Its own process group, so stop() ends the extension host and our language server with it.
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    await killGroup(child, exited);
    await tmp.remove();
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (${String(code)}) before listening:\n${output}`));
      });
    });
    return {
      workspaceCopy: async (workspace) => {
        const copy = join(tmp.path, 'workspace');
        await cp(workspace, copy, { recursive: true });
        return copy;
      },
      origin: `http://127.0.0.1:${port}`,
      port,
      remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function killGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGKILL'); // children may outlive the leader
    return;
  }
  signalGroup(child, 'SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') signalGroup(child, 'SIGKILL');
  await exited;
  signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export interface InHostRun {
  extensionDevelopmentPath: string;
  /** The built suite entry (a .js exporting `run(): Promise<void>`). */
  extensionTestsPath: string;
  /** The folder the workbench opens (a private copy of it). */
  workspace: string;
  guard: NetworkGuard;
  timeoutMs?: number;
  /** Receives the extension host's console output (mocha's report). */
  log?: (line: string) => void;
}

/** Runs an in-host suite in code-server and resolves to its exit code (0 = all passed). */
export async function runInHostSuite(run: InHostRun): Promise<number> {
  const timeoutMs = run.timeoutMs ?? 120_000;
  const log = run.log ?? ((line: string) => console.log(line));
  const server = await startCodeServer({ guard: run.guard, smokeTestDriver: true });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    browser = await launchChromium({ guard: run.guard });
    const context = browser.context;
    let finish: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (finish = resolve));
    await context.exposeBinding('codeAutomationExit', (_source, code: unknown) => finish(typeof code === 'number' ? code : 1));
    await context.exposeBinding('codeAutomationLog', (_source, _type: unknown, args: unknown) => {
      log(Array.isArray(args) ? format(...(args as unknown[])) : format(args));
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(run.extensionDevelopmentPath)],
      ['extensionTestsPath', server.remoteUri(run.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const page = await context.newPage();
    const workspace = await server.workspaceCopy(run.workspace);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the in-host suite did not finish within ${timeoutMs} ms; code-server said:\n${server.output()}`)), timeoutMs);
    });
    try {
      return await Promise.race([exitCode, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
}
