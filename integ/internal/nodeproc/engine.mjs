// Evaluates JSONata expressions with the reference implementation (the npm
// package jsonata), for the Go executor of sfnkit's integ package, with the
// functions Step Functions adds ($partition, $range, $hash, $random, $uuid,
// $parse) and without $eval, which Step Functions does not offer.
//
// It also validates definitions with asl-validator ({"id", "validate":
// [{"id", "definition"}]} → {"id", "value": [{"id", "valid", "errors"}]}).
//
// Protocol, one JSON object per line:
//   stdin  (Go → Node): {"id", "expr", "bindings"}
//   stdout (Node → Go): {"id", "value"} | {"id", "undefined": true} | {"id", "error": {"message", "code"}}
// The process ends when stdin closes. node_modules: SFNKIT_NODE_MODULES_DIR.
import { createRequire } from 'node:module';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';

const load = createRequire(path.join(process.env.SFNKIT_NODE_MODULES_DIR, 'package.json'));
const jsonata = load('jsonata');

const hashes = { 'MD5': 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

function fail(message) {
  const e = new Error(message);
  e.code = 'SFN';
  throw e;
}

// mulberry32 seeded by a string hash: $random(seed) repeats for a seed.
function seeded(seed) {
  let h = 1779033703 ^ String(seed).length;
  for (const c of String(seed)) h = Math.imul(h ^ c.charCodeAt(0), 3432918353), h = (h << 13) | (h >>> 19);
  let a = h >>> 0;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stepFunctions = {
  partition: [(array, size) => {
    if (!Array.isArray(array)) fail('$partition: the first argument must be an array');
    if (!Number.isInteger(size) || size <= 0) fail('$partition: the chunk size must be a positive integer');
    const out = [];
    for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
    return out;
  }, '<an:a>'],
  range: [(start, end, step) => {
    for (const n of [start, end, step]) if (!Number.isInteger(n)) fail('$range: start, end and step must be integers');
    if (step === 0) fail('$range: the step must not be 0');
    const out = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
      if (out.length === 1000) fail('$range: the range has more than 1000 elements');
      out.push(v);
    }
    return out;
  }, '<nnn:a>'],
  hash: [(value, algorithm) => {
    const alg = hashes[algorithm];
    if (!alg) fail('$hash: the algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512');
    const data = typeof value === 'string' ? value : JSON.stringify(value);
    return createHash(alg).update(data).digest('hex');
  }, '<xs:s>'],
  random: [(seed) => (seed === undefined ? Math.random() : seeded(seed)()), '<n?:n>'],
  uuid: [() => randomUUID(), '<:s>'],
  parse: [(text) => {
    try { return JSON.parse(text); } catch (e) { fail('$parse: ' + e.message); }
  }, '<s:x>'],
  eval: [() => fail('$eval is not supported in Step Functions: use $parse')],
};

const cache = new Map();
function compile(expr) {
  let c = cache.get(expr);
  if (!c) {
    c = jsonata(expr);
    for (const [name, [fn, sig]] of Object.entries(stepFunctions)) c.registerFunction(name, fn, sig);
    cache.set(expr, c);
  }
  return c;
}

const write = (msg) => process.stdout.write(JSON.stringify(msg) + '\n');

let validator;
function validate(items) {
  validator = validator || load('asl-validator');
  return items.map(({ id, definition }) => {
    const { isValid, errors } = validator(definition);
    return {
      id,
      valid: isValid,
      errors: (errors || []).map((e) => ({ code: e['Error code'] || '', message: e.Message || JSON.stringify(e) })),
    };
  });
}

async function handle(req) {
  if (req.validate) {
    try {
      return write({ id: req.id, value: validate(req.validate) });
    } catch (err) {
      return write({ id: req.id, error: { message: String((err && err.message) || err) } });
    }
  }
  try {
    const value = await compile(req.expr).evaluate(undefined, req.bindings || {});
    if (value === undefined) return write({ id: req.id, undefined: true });
    if (typeof value === 'function') return write({ id: req.id, error: { message: 'the expression gives a function, which is not a JSON value' } });
    write({ id: req.id, value });
  } catch (err) {
    write({ id: req.id, error: { message: String((err && err.message) || err), code: (err && err.code) || '' } });
  }
}

let chain = Promise.resolve();
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const req = JSON.parse(line);
  chain = chain.then(() => handle(req));
});
rl.on('close', () => chain.then(() => process.exit(0)));
