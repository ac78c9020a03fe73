// Runs one state machine definition with aws-local-stepfunctions, asking the
// Go harness for every Task result.
//
// Protocol (one JSON object per line), for one run after another:
//   stdin  (Go → Node): first {"definition", "input", "context"}; then task
//          replies {"id", "output"} or {"id", "error": {"name", "cause"}}.
//   fd 3   (Node → Go): {"kind":"task","id","state","input"},
//          {"kind":"event", ...}, then one {"kind":"result","status":"SUCCEEDED","output"}
//          or {"kind":"result","status":"FAILED","error","cause"} or {"kind":"fatal","message"}.
// stdout and stderr are left to the library (and kept by Go for diagnostics).
// The node_modules directory comes from SFNKIT_NODE_MODULES_DIR.
import { createRequire } from 'node:module';
import { writeSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const send = (msg) => writeSync(3, JSON.stringify(msg) + '\n');

const load = createRequire(path.join(process.env.SFNKIT_NODE_MODULES_DIR, 'package.json'));
const { StateMachine } = load('aws-local-stepfunctions');

// Every state name, by kind, nested ones included.
function collect(machine, acc) {
  for (const [name, state] of Object.entries(machine.States || {})) {
    if (state.Type === 'Task') acc.tasks.push(name);
    if (state.Type === 'Wait') acc.waits.push(name);
    if (Array.isArray(state.Retry)) acc.retries.push(name);
    for (const b of state.Branches || []) collect(b, acc);
    if (state.ItemProcessor) collect(state.ItemProcessor, acc);
    if (state.Iterator) collect(state.Iterator, acc);
  }
  return acc;
}

const pending = new Map();
let nextId = 0;

function askGo(state, input) {
  const id = ++nextId;
  const promise = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  send({ kind: 'task', id, state, input });
  return promise;
}

function onReply(msg) {
  const p = pending.get(msg.id);
  if (!p) return;
  pending.delete(msg.id);
  if (msg.error) {
    const e = new Error(msg.error.cause ?? '');
    e.name = msg.error.name;
    p.reject(e);
  } else {
    p.resolve(msg.output);
  }
}

function text(v) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (v instanceof Error) return v.message;
  try { return JSON.stringify(v); } catch { return String(v); }
}

function toEvent(e) {
  const ev = { kind: 'event', type: e.type };
  const st = e.state || e.parentState;
  if (st) { ev.state = st.name; ev.stateType = st.type; }
  if (e.index !== undefined) ev.index = e.index;
  if (e.Error !== undefined) { ev.error = text(e.Error); ev.cause = text(e.Cause); }
  if (e.retry) ev.attempt = e.retry.attempt;
  if (e.state && e.type === 'StateEntered') ev.input = e.state.input;
  if (e.state && e.type === 'StateExited') ev.output = e.state.output;
  return ev;
}

async function run(req) {
  let machine;
  try {
    // No asl-validator pass: it costs over half a second per run, and the
    // definitions come from tests that integ.Validate and the CDK check.
    machine = new StateMachine(req.definition, { validationOptions: { noValidate: true } });
  } catch (err) {
    send({ kind: 'fatal', message: 'aws-local-stepfunctions rejected the definition: ' + (err && err.message) });
    return;
  }
  const names = collect(req.definition, { tasks: [], waits: [], retries: [] });
  const taskResourceLocalHandlers = {};
  for (const t of names.tasks) taskResourceLocalHandlers[t] = (input) => askGo(t, input);
  const waitTimeOverrides = Object.fromEntries(names.waits.map((w) => [w, 0]));
  const retryIntervalOverrides = Object.fromEntries(names.retries.map((r) => [r, 0]));

  const execution = machine.run(req.input, {
    overrides: { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides },
    context: req.context,
  });
  const logged = (async () => {
    for await (const e of execution.eventLogs) send(toEvent(e));
  })();
  try {
    const output = await execution.result;
    await logged;
    send({ kind: 'result', status: 'SUCCEEDED', output: output === undefined ? null : output });
  } catch (err) {
    await logged.catch(() => {});
    const cause = err && err.cause;
    if (cause && cause.name) {
      send({ kind: 'result', status: 'FAILED', error: cause.name, cause: text(cause.message) });
    } else {
      send({ kind: 'result', status: 'FAILED', error: (err && err.name) || 'Error', cause: text(err && err.message) });
    }
  }
}

// Runs follow one another: a line that is not a task reply while no run is
// going on starts the next run; the process ends when stdin closes.
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let running = false;
rl.on('line', (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (!running) {
    running = true;
    run(msg).then(
      () => { running = false; },
      (err) => { send({ kind: 'fatal', message: String((err && err.stack) || err) }); process.exit(1); },
    );
  } else {
    onReply(msg);
  }
});
rl.on('close', () => { if (!running) process.exit(0); });
