// The reference side of the JSONata differential test: evaluates each case
// of the corpus with the npm package jsonata alone (no sfnkit code), with
// $states.input bound to the case's input, as Step Functions binds it.
// stdin: [{"expr", "input"}]; stdout: [{"value"} | {"undefined": true} | {"error"}]
import { createRequire } from 'node:module';
import path from 'node:path';

const load = createRequire(path.join(process.env.SFNKIT_NODE_MODULES_DIR, 'package.json'));
const jsonata = load('jsonata');

let data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { data += c; });
process.stdin.on('end', async () => {
  const out = [];
  for (const c of JSON.parse(data)) {
    try {
      const v = await jsonata(c.expr).evaluate(undefined, { states: { input: c.input } });
      if (v === undefined) out.push({ undefined: true });
      else if (typeof v === 'function') out.push({ error: 'the expression gives a function' });
      else out.push({ value: JSON.parse(JSON.stringify(v)) });
    } catch (e) {
      out.push({ error: String((e && e.message) || e) });
    }
  }
  process.stdout.write(JSON.stringify(out));
});
