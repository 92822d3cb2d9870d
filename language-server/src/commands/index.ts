import type { Command } from './command.js';

/** A subcommand as the dispatcher lists it; its module is imported only when it runs (start-up cost). */
export interface CommandEntry {
  readonly name: string;
  /** One line for `wheelhouse --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

/** The one list of subcommands; a new command is one file plus one entry here. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'Validate FHIR R4 resources (files or folders) and report issues.',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'identifier',
    summary: 'Check one NHS identifier or URI (NHS number, ODS code, SCTID, prescription id, ...).',
    load: async () => (await import('./identifier.js')).identifierCommand,
  },
  {
    name: 'packages',
    summary: 'Install FHIR packages from a package registry into the FHIR package cache.',
    load: async () => (await import('./packages.js')).packagesCommand,
  },
  {
    name: 'catalogue',
    summary: 'Check, build, crawl and publish catalogue manifests (catalogue/components/*.yaml).',
    load: async () => (await import('./catalogue.js')).catalogueCommand,
  },
  {
    name: 'match',
    summary: 'Suggest catalogue components that already meet a need (page text, saved page).',
    load: async () => (await import('./match.js')).matchCommand,
  },
];
