/** Repository URL shape and identity: the same repository must not be listed twice. */

/** WHATWG URL: present in browsers and Node, but this package compiles with the ES lib only. */
interface WhatwgUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
}
declare const URL: new (url: string) => WhatwgUrl;

/** Forges whose repository root is exactly /owner/name. */
const TWO_SEGMENT_HOSTS = new Set(['github.com', 'bitbucket.org', 'codeberg.org']);

function parseHttpUrl(url: string): WhatwgUrl | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The identity of a repository URL: scheme, case, `www.`, `.git`, trailing slashes, query and fragment
 * do not matter; on GitHub-like forges only /owner/name counts. `undefined` when it is not a URL.
 */
export function canonicalRepoUrl(url: string): string | undefined {
  const parsed = parseHttpUrl(url.trim());
  if (!parsed) return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  let segments = parsed.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponentSafe(s).toLowerCase());
  if (TWO_SEGMENT_HOSTS.has(host)) segments = segments.slice(0, 2);
  const last = segments.length - 1;
  if (last >= 0) segments[last] = (segments[last] ?? '').replace(/\.git$/, '');
  return `${host}/${segments.join('/')}`;
}

/** `owner/name` on github.com, as canonicalRepoUrl would write it. */
export function canonicalGitHubSlug(slug: string): string {
  return `github.com/${slug.toLowerCase().replace(/\.git$/, '')}`;
}

/** `{ owner, name }` for a github.com repository URL, or undefined. */
export function gitHubRepoOf(url: string): { owner: string; name: string } | undefined {
  const parsed = parseHttpUrl(url.trim());
  if (!parsed || parsed.hostname.toLowerCase().replace(/^www\./, '') !== 'github.com') return undefined;
  const [owner, name] = parsed.pathname.split('/').filter((s) => s !== '');
  if (!owner || !name) return undefined;
  return { owner, name: name.replace(/\.git$/, '') };
}

/** Why a repository URL is not the plain root URL of a repository, or undefined when it is. */
export function repoUrlShapeProblem(url: string): { severity: 'error' | 'warning'; message: string } | undefined {
  const parsed = parseHttpUrl(url.trim());
  if (!parsed) return { severity: 'error', message: 'repository URL must be an http(s) URL' };
  if (parsed.username || parsed.password) return { severity: 'error', message: 'repository URL must not carry a user name or password' };
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (TWO_SEGMENT_HOSTS.has(host) && segments.length !== 2) {
    return { severity: 'error', message: `repository URL must be the repository root, https://${host}/<owner>/<name>` };
  }
  if (segments.length === 0) return { severity: 'error', message: 'repository URL has no path: it names a site, not a repository' };
  if (parsed.search || parsed.hash) return { severity: 'warning', message: 'repository URL has a query or fragment; use the plain repository URL' };
  if (parsed.protocol === 'http:') return { severity: 'warning', message: 'repository URL uses http; use https' };
  if (/\.git$/.test(parsed.pathname) || parsed.pathname.endsWith('/')) {
    return { severity: 'warning', message: 'repository URL ends in .git or /; use the plain repository URL' };
  }
  return undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
