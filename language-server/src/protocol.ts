/**
 * Wheelhouse's own LSP messages, declared once (STYLE.md 13): method names and parameter types only, no
 * runtime dependency, so the VS Code client can import them without pulling the server in. Everything else
 * the server does is standard LSP.
 */

/**
 * Server -> client notification after a workspace validation pass (workspace/diagnostic): how many files were
 * validated, how many problems they have, how long it took. Clients may show it in a status item.
 */
export const WORKSPACE_VALIDATED = 'wheelhouse/workspaceValidated';
export interface WorkspaceValidatedParams {
  files: number;
  /** Files skipped because they were too large or unreadable. */
  skipped: number;
  errors: number;
  warnings: number;
  durationMs: number;
}

/**
 * Client -> server request: validate the workspace now (the "Validate workspace" command) and answer with the
 * same figures as WORKSPACE_VALIDATED. The diagnostics themselves arrive through workspace/diagnostic (pull) or
 * textDocument/publishDiagnostics (push).
 */
export const VALIDATE_WORKSPACE = 'wheelhouse/validateWorkspace';
export type ValidateWorkspaceResult = WorkspaceValidatedParams;
