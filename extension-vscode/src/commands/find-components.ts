/**
 * `wheelhouse.findComponents`: "does this already exist?" from the editor. Ranks the catalogue bundled at build
 * time (dist/catalogue.json, esbuild.mjs) for the selection, or else the workspace README and package.json
 * description, with the same matcher as the browser extension and `wheelhouse match` (issue 7).
 */
import { readFile } from 'node:fs/promises';
import { env, Uri, window, workspace, type QuickPickItem } from 'vscode';
import {
  loadIndex,
  match,
  MAX_NEED_TEXT,
  type MatchIndex,
  type Suggestion,
} from '@wheelhouse/shared/matching';

export interface BundledComponent {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly summary: string;
}

export interface BundledCatalogue {
  readonly version: string;
  readonly components: ReadonlyMap<string, BundledComponent>;
  readonly index: MatchIndex;
}

export class CatalogueLoadError extends Error {
  override readonly name = 'CatalogueLoadError';
}

/** Reads dist/catalogue.json once, on first use (activation stays cheap). */
export function bundledCatalogue(file: string): () => Promise<BundledCatalogue> {
  let loading: Promise<BundledCatalogue> | undefined;
  return () => (loading ??= readCatalogue(file));
}

async function readCatalogue(file: string): Promise<BundledCatalogue> {
  let json: { version?: unknown; components?: unknown; index?: unknown };
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as typeof json;
  } catch (error) {
    throw new CatalogueLoadError(
      `the bundled catalogue ${file} is unreadable (${String(error)}); rebuild the extension`,
    );
  }
  if (typeof json.version !== 'string' || !Array.isArray(json.components)) {
    throw new CatalogueLoadError(
      `the bundled catalogue ${file} is not in the expected format; rebuild the extension`,
    );
  }
  const components = new Map<string, BundledComponent>();
  for (const c of json.components as BundledComponent[]) components.set(c.id, c);
  return { version: json.version, components, index: loadIndex(json.index) };
}

/** The ranked suggestions for a need; empty when nothing clears the matcher's threshold. */
export function suggestComponents(catalogue: BundledCatalogue, text: string, top = 5): Suggestion[] {
  return match(catalogue.index, { text: text.slice(0, MAX_NEED_TEXT) }, { top });
}

interface Need {
  readonly text: string;
  readonly from: string;
}

async function readText(uri: Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The selection, or the first workspace folder's README and package.json description. */
async function currentNeed(): Promise<Need | undefined> {
  const editor = window.activeTextEditor;
  const selected =
    editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  if (selected) return { text: selected, from: 'the selection' };
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const parts: string[] = [];
  const from: string[] = [];
  const pkg = await readText(Uri.joinPath(folder.uri, 'package.json'));
  if (pkg) {
    try {
      const description = (JSON.parse(pkg) as { description?: unknown }).description;
      if (typeof description === 'string' && description.trim()) {
        parts.push(description);
        from.push('package.json');
      }
    } catch {
      // A broken package.json is not ours to report; the README may still say what is needed.
    }
  }
  for (const name of ['README.md', 'readme.md', 'README']) {
    const readme = await readText(Uri.joinPath(folder.uri, name));
    if (readme?.trim()) {
      parts.push(readme);
      from.push(name);
      break;
    }
  }
  return parts.length > 0 ? { text: parts.join('\n\n'), from: from.join(' and ') } : undefined;
}

interface SuggestionItem extends QuickPickItem {
  readonly url: string;
}

export async function findComponents(load: () => Promise<BundledCatalogue>): Promise<void> {
  const need = await currentNeed();
  if (!need) {
    void window.showInformationMessage(
      'Wheelhouse: select text that describes what you need (or open a folder with a README) to search the catalogue.',
    );
    return;
  }
  let catalogue: BundledCatalogue;
  try {
    catalogue = await load();
  } catch (error) {
    void window.showErrorMessage(`Wheelhouse: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const suggestions = suggestComponents(catalogue, need.text);
  if (suggestions.length === 0) {
    void window.showInformationMessage(`Wheelhouse: no catalogue component clearly matches ${need.from}.`);
    return;
  }
  const items: SuggestionItem[] = suggestions.map((s) => {
    const component = catalogue.components.get(s.id);
    return {
      label: s.name,
      description: s.id,
      detail: [component?.summary, s.reasons.join('; ')].filter(Boolean).join(' — '),
      url: component?.url ?? '',
    };
  });
  const picked = await window.showQuickPick(items, {
    title: `Existing components for ${need.from}`,
    placeHolder: 'Open a component’s repository',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.url) await env.openExternal(Uri.parse(picked.url));
}
