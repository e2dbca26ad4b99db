// Loaded with `node --import`: records the URL of every module the process loads, one a line, in
// the file named by THRESHER_MODULE_LOG (read by test/e2e/startup-modules.test.ts).
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  appendFileSync(process.env.THRESHER_MODULE_LOG, url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
