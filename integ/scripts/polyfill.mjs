// aws-local-stepfunctions 3 needs Node 22's Promise.withResolvers; on Node 20
// every Task would fail with "Promise.withResolvers is not a function".
Promise.withResolvers ??= function () {
  let resolve, reject;
  const promise = new this((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
};
