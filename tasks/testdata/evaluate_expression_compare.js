// Evaluates EvaluateExpression cases both ways, for the differential test
// of the JSONATA engine: as the CDK's Lambda handler does (state paths
// replaced by their values, then eval) and as JSONata does (the
// translation, with $states.input bound). Reads the cases as JSON on
// stdin; writes one {js, jsonata} result per case, each {ok: JSON text} or
// {err: message}. argv[2] is the node_modules directory.
const fs = require('fs');
const path = require('path');
const jsonata = require(path.join(process.argv[2], 'jsonata'));

function resolve(input, p) {
  let v = input;
  const re = /\.([^.[]+)|\[(\d+)\]|\['([^']*)'\]/g;
  let m;
  re.lastIndex = 1;
  while ((m = re.exec(p)) !== null) {
    const key = m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]);
    // As Step Functions' JSONPath: fields of objects, indexes of arrays.
    if (Array.isArray(v) ? typeof key !== 'number' : (v === null || typeof v !== 'object')) return undefined;
    v = v[key];
  }
  return v;
}

function escape(s) { return s.replace(/[-\/\\^$*+?.()|[\]{}]/g, '\\$&'); }

function result(f) {
  try {
    const v = f();
    return v === undefined ? { ok: 'undefined' } : { ok: JSON.stringify(v) };
  } catch (e) {
    return { err: String(e && e.message || e) };
  }
}

(async () => {
  const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = [];
  for (const c of cases) {
    const js = result(() => {
      const values = Object.create(null);
      for (const p of c.paths || []) values[p] = resolve(c.input, p);
      const keys = Object.keys(values).sort((a, b) => b.length - a.length);
      let e = c.expression;
      if (keys.length > 0) {
        const re = new RegExp(keys.map(escape).join('|'), 'g');
        e = e.replace(re, (m) => `values[${JSON.stringify(m)}]`);
      }
      return new Function('values', '__expr', 'return eval(__expr);')(values, e);
    });
    let ja;
    try {
      const v = await jsonata(c.jsonata).evaluate(null, { states: { input: c.input, context: { Execution: { Id: 'x' } } } });
      ja = v === undefined ? { ok: 'undefined' } : { ok: JSON.stringify(v) };
    } catch (e) {
      ja = { err: String(e && e.message || e) };
    }
    out.push({ js, jsonata: ja });
  }
  process.stdout.write(JSON.stringify(out));
})();
