import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

/** One `guia` subcommand: gets the arguments after its name, returns the exit code. */
export interface CliCommand {
  description: string;
  run(args: string[], io: CliIo): Promise<number>;
}
