/**
 * `wheelhouse.publishComponent`: proposes the active manifest (`*.yaml`) to the catalogue as a pull request
 * (issue 5), with VS Code's GitHub sign-in instead of GITHUB_TOKEN. Same steps as `wheelhouse catalogue
 * publish`: check with the shared schema, fork, branch, commit, pull request; a failed step cleans up.
 */
import { dirname } from 'node:path';
import { Octokit } from 'octokit';
import { authentication, env, ProgressLocation, Uri, window, workspace, type OutputChannel } from 'vscode';
import { checkCatalogue, formatCheckIssue, type ManifestSource } from '@wheelhouse/shared/catalogue';
import {
  ManifestInvalidError,
  publishManifest,
  PublishError,
  withBackoff,
  type Clock,
  type Logger,
} from '@wheelhouse/shared/github';
import { ConfigFileError, loadConfig } from '@wheelhouse/shared/node';

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/** The catalogue repository from the wheelhouse.config.json above the manifest (or the default). */
function catalogueRepository(manifestPath: string): string {
  return loadConfig(dirname(manifestPath)).config.catalogue.repository;
}

export async function publishComponent(output: OutputChannel): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || !/\.ya?ml$/i.test(document.fileName)) {
    void window.showErrorMessage('Wheelhouse: open the component manifest (a *.yaml file) to publish it.');
    return;
  }
  const manifest: ManifestSource = { path: workspace.asRelativePath(document.uri), text: document.getText() };
  const check = checkCatalogue([manifest]);
  if (check.errorCount > 0) {
    output.appendLine(`Publishing ${manifest.path}: the manifest has errors; nothing was sent to GitHub.`);
    for (const issue of check.issues) output.appendLine(formatCheckIssue(issue));
    const first = check.issues.find((i) => i.severity === 'error');
    const choice = await window.showErrorMessage(
      `Wheelhouse: the manifest has ${check.errorCount} error(s), so it was not published${first ? `: ${first.message}` : ''}.`,
      'Show All',
    );
    if (choice === 'Show All') output.show(true);
    return;
  }
  let repository: string;
  try {
    repository = catalogueRepository(document.uri.fsPath);
  } catch (error) {
    void window.showErrorMessage(
      `Wheelhouse: ${error instanceof ConfigFileError ? error.message : String(error)}`,
    );
    return;
  }
  let token: string;
  try {
    token = (await authentication.getSession('github', ['public_repo'], { createIfNone: true })).accessToken;
  } catch (error) {
    void window.showErrorMessage(
      `Wheelhouse: publishing needs a GitHub sign-in with the public_repo scope (${error instanceof Error ? error.message : String(error)}).`,
    );
    return;
  }
  const logger: Logger = {
    info: (m) => output.appendLine(m),
    warn: (m) => output.appendLine(`warning: ${m}`),
  };
  const octokit = new Octokit({
    auth: token,
    userAgent: 'wheelhouse-vscode',
    // Back-off is withBackoff's job (shared/src/github/backoff.ts), as in the CLI.
    throttle: { enabled: false },
    retry: { enabled: false },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const client = withBackoff(octokit, { clock: realClock, logger });
  try {
    const result = await window.withProgress(
      {
        location: ProgressLocation.Notification,
        title: `Wheelhouse: publishing ${manifest.path} to ${repository}`,
        cancellable: false,
      },
      () => publishManifest(client, manifest, { repository, clock: realClock, logger }),
    );
    for (const w of result.warnings) output.appendLine(formatCheckIssue(w));
    const url = result.pullRequestUrl;
    output.appendLine(`Published ${result.plan.id}: ${url ?? '(no pull request URL returned)'}`);
    const choice = await window.showInformationMessage(
      `Wheelhouse: pull request opened on ${result.plan.upstream}${url ? `: ${url}` : ''}.`,
      ...(url ? ['Open Pull Request'] : []),
    );
    if (choice && url) await env.openExternal(Uri.parse(url));
  } catch (error) {
    const message =
      error instanceof ManifestInvalidError || error instanceof PublishError
        ? error.message
        : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    output.appendLine(`Publishing ${manifest.path} failed: ${message}`);
    const choice = await window.showErrorMessage(`Wheelhouse: publishing failed: ${message}`, 'Show Output');
    if (choice === 'Show Output') output.show(true);
  }
}
