// Test helpers for features: in-memory page store, a scripted background, catalogue components.
import { ComponentSchema, type Component, type ComponentInput } from '@wheelhouse/shared/catalogue';
import type { MatchResponse, SendMessage, WheelhouseRequest } from '../utils/messages';
import type { Dismissed, PageStore } from '../utils/page-storage';
import type { Suggestion } from '../utils/suggestion';

export function memoryStore(initial: Partial<Dismissed> = {}): PageStore & { dismissed: Dismissed; collapsed: boolean } {
  const store = {
    dismissed: { pages: [] as string[], hosts: [] as string[], ...initial },
    collapsed: false,
    getDismissed: () => Promise.resolve(store.dismissed),
    setDismissed: (v: Dismissed) => {
      store.dismissed = v;
      return Promise.resolve();
    },
    getCollapsed: () => Promise.resolve(store.collapsed),
    setCollapsed: (v: boolean) => {
      store.collapsed = v;
      return Promise.resolve();
    },
  };
  return store;
}

/**
 * A background that answers match requests with `respond` (dismissed / collapsed default to false), other
 * requests with `{ ok: true }`, and records every request.
 */
export function scriptedSend(
  respond: (req: WheelhouseRequest) => Partial<MatchResponse> & Pick<MatchResponse, 'disabled' | 'suggestions'>,
): SendMessage & { requests: WheelhouseRequest[] } {
  const requests: WheelhouseRequest[] = [];
  const send = ((req: WheelhouseRequest) => {
    requests.push(req);
    return Promise.resolve(req.type === 'wheelhouse/match' ? { dismissed: false, collapsed: false, ...respond(req) } : { ok: true });
  }) as SendMessage & { requests: WheelhouseRequest[] };
  send.requests = requests;
  return send;
}

export function suggestionFor(id: string): Suggestion {
  return { id, name: id, summary: `${id} summary`, reasons: [], licence: 'MIT', activity: '', adopters: [], evidence: [], score: 1 };
}

export function component(id: string, over: Partial<ComponentInput> = {}): Component {
  return ComponentSchema.parse({
    publiccodeYmlVersion: '0.7',
    id,
    name: id,
    url: `https://github.com/example/${id}`,
    softwareType: 'library',
    developmentStatus: 'stable',
    categories: ['integration'],
    description: { en: { shortDescription: `${id} does things.` } },
    legal: { license: 'MIT' },
    maintenance: { type: 'internal' },
    nhs: {},
    ...over,
  });
}
