// Validates state machine definitions with asl-validator.
// stdin: JSON [{"id": string, "definition": object}]
// stdout: JSON [{"id": string, "valid": bool, "errors": [{"code": string, "message": string}]}]
// The node_modules directory comes from SFNKIT_NODE_MODULES_DIR.
'use strict';
const path = require('node:path');
const { createRequire } = require('node:module');

const nm = process.env.SFNKIT_NODE_MODULES_DIR;
const load = createRequire(path.join(nm, 'package.json'));
const validator = load('asl-validator');

let data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { data += c; });
process.stdin.on('end', () => {
  const out = JSON.parse(data).map(({ id, definition }) => {
    const { isValid, errors } = validator(definition);
    return {
      id,
      valid: isValid,
      errors: (errors || []).map((e) => ({ code: e['Error code'] || '', message: e.Message || JSON.stringify(e) })),
    };
  });
  process.stdout.write(JSON.stringify(out));
});
