import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { allCommands } from '../verify/main.js';
import { captureIo } from './helpers/captureIo.js';

describe('saddlecheck command line', () => {
  it('should print the command list for --help and exit 0', async () => {
    const io = captureIo();
    expect(await runCli(allCommands, ['--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('Usage: saddlecheck <command>');
  });

  it("should print a command's own usage for 'help COMMAND'", async () => {
    const io = captureIo();
    expect(await runCli(allCommands, ['help', 'sde'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/^Usage: saddlecheck sde /);
    const unknown = captureIo();
    expect(await runCli(allCommands, ['help', 'nope'], unknown)).toBe(2);
    expect(unknown.err[0]).toContain('unknown command "nope"');
  });

  it('should refuse an unknown command with one line and exit 2', async () => {
    const io = captureIo();
    expect(await runCli(allCommands, ['no-such-command'], io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toContain('unknown command "no-such-command"');
  });

  it('should load, for every listed command, a module whose command has the same name and a usage text', async () => {
    for (const entry of allCommands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.help).toContain(`saddlecheck ${entry.name}`);
    }
  });
});
