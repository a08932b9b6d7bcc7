/** `saddlecheck list`: the registry of theorems. */
import { parseOptions } from '../src/cli/args.js';
import type { Command } from '../src/cli/command.js';
import { theorems } from '../theorems/index.js';
import { formatTable } from './table.js';

export const listCommand: Command = {
  name: 'list',
  help: `Usage: saddlecheck list [--json]

Prints every registered theorem: its id, source and title.

Options:
  --json    print {theorems: [{id, title, source, statement, assumptions}]}
  --help    this text`,
  async run(argv, io) {
    const args = parseOptions('list', argv, { json: { type: 'boolean' } });
    if (args.values.json) {
      const list = theorems.map(({ id, title, source, statement, assumptions, quantity }) => ({
        id,
        title,
        source,
        statement,
        assumptions,
        quantity,
      }));
      io.stdout(JSON.stringify({ theorems: list }, null, 2));
    } else {
      io.stdout(
        formatTable(
          ['id', 'source', 'title'],
          theorems.map((t) => [t.id, t.source, t.title]),
        ),
      );
    }
    return 0;
  },
};
