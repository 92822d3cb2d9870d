/**
 * Main-thread work of the content script, read from a Chromium DevTools trace (bench.ts). Thread time (`tdur`)
 * is used, not wall time: on a loaded machine wall time grows with other processes, thread time does not.
 *
 * Attribution, per top-level task on the page's renderer main thread:
 * - `evaluation`: the task that evaluates the content script (`EvaluateScript` of a chrome-extension:// URL:
 *   compile + top-level run, i.e. everything the script does synchronously);
 * - `callbacks`: every other task that runs JavaScript (timers, idle callbacks, event listeners, microtasks after
 *   extension messages). Fixture pages have no scripts of their own except where noted, so on those this is the
 *   content script's asynchronous work (extraction, messaging, overlay render, and any layout it forces); a run
 *   without the extension measures what the page's own scripts add;
 * - `worldSetup`: Chrome creating the content script's isolated world (the `LocalWindowProxy::Initialize` just
 *   before the evaluation). Any content script pays it; no code change of ours removes it.
 * Tasks the DevTools protocol starts (Playwright's waits) are left out.
 */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    microtask_count?: number;
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
    data?: { url?: string };
    beginData?: { url?: string };
  };
}

export interface MainThreadWork {
  evaluation: number;
  callbacks: number;
  worldSetup: number;
  /** Number of tasks counted in `callbacks`. */
  callbackTasks: number;
}

const JS_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'v8.run', 'v8.callFunction']);
const ms = (us: number) => us / 1000;
const cpu = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;

/** The main threads of the renderers that parsed a page from `origin`. */
function pageMainThreads(events: TraceEvent[], origin: string): Set<string> {
  const pids = new Set(events.filter((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(origin)).map((e) => e.pid));
  return new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
}

/** Top-level complete events with their descendants (events are properly nested per thread). */
function topLevelTasks(events: TraceEvent[]): { task: TraceEvent; inner: TraceEvent[] }[] {
  const sorted = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: { task: TraceEvent; inner: TraceEvent[] }[] = [];
  let current: { task: TraceEvent; inner: TraceEvent[]; end: number } | undefined;
  for (const e of sorted) {
    if (current && e.ts < current.end) {
      current.inner.push(e);
      continue;
    }
    current = { task: e, inner: [], end: e.ts + e.dur! };
    tasks.push(current);
  }
  return tasks;
}

export function contentScriptWork(events: TraceEvent[], origin: string): MainThreadWork {
  const threads = pageMainThreads(events, origin);
  const work: MainThreadWork = { evaluation: 0, callbacks: 0, worldSetup: 0, callbackTasks: 0 };
  for (const key of threads) {
    const own = events.filter((e) => `${e.pid}:${e.tid}` === key);
    let lastWorldInit: TraceEvent | undefined;
    for (const { task, inner } of topLevelTasks(own)) {
      const all = [task, ...inner];
      const fromDevTools = all.some((e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession');
      const ours = all.find((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').startsWith('chrome-extension://'));
      if (ours) {
        work.evaluation += ms(cpu(task));
        if (lastWorldInit) work.worldSetup += ms(cpu(lastWorldInit));
        lastWorldInit = undefined;
        continue;
      }
      lastWorldInit = all.filter((e) => e.name === 'LocalWindowProxy::Initialize').pop() ?? lastWorldInit;
      if (fromDevTools) continue;
      const runsJs = all.some((e) => JS_EVENTS.has(e.name) || (e.name === 'RunMicrotasks' && (e.args?.microtask_count ?? 0) > 0));
      if (!runsJs) continue;
      work.callbacks += ms(cpu(task));
      work.callbackTasks += 1;
    }
  }
  return work;
}
