import type { Command } from './command.js';
import { catalogueCommand } from './catalogue.js';
import { identifierCommand } from './identifier.js';
import { matchCommand } from './match.js';
import { packagesCommand } from './packages.js';
import { validateCommand } from './validate.js';

/** The one list of subcommands; a new command is one file plus one line here. */
export const commands: readonly Command[] = [
  catalogueCommand,
  identifierCommand,
  matchCommand,
  packagesCommand,
  validateCommand,
];
