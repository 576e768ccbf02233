#!/usr/bin/env node
// The GitHub Action's step (action.yml at the repository root): runs `twiml-fax-kit check` with the action's inputs,
// writing the JUnit, html, JSON and Markdown reports into the reports directory; appends the Markdown summary to
// $GITHUB_STEP_SUMMARY; sets the outputs `ok`, `report` (the html report), `junit`, `json` and `exit-code` in
// $GITHUB_OUTPUT; and exits with the kit's exit code, so the step fails as the kit does. Plain Node (no build, no
// dependency), so it runs before anything is installed and a test can run it with stand-in files.
//
// Inputs come as environment variables, as GitHub passes a composite action's `env:` (action.yml maps each input):
//   INPUT_URL, INPUT_START, INPUT_WAIT_FOR, INPUT_FAIL_ON, INPUT_METHOD, INPUT_EXPECT, INPUT_CHECKS, INPUT_SKIP_CHECKS,
//   INPUT_RUNS, INPUT_SEED, INPUT_TIMEOUT, INPUT_SERVER_LOG, INPUT_ARGS (more flags, split on whitespace),
//   INPUT_REPORTS_DIR (default twiml-fax-kit-reports), INPUT_WORKING_DIRECTORY.
// INPUT_AUTH_TOKEN, when given, becomes TWILIO_AUTH_TOKEN for the kit (never a command-line flag); when empty, a
// TWILIO_AUTH_TOKEN the job already has is kept.
// KIT_COMMAND is how the kit is run, as a JSON array (action.yml: the action's own build, or npx with a version).
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const env = process.env;

/** The value of an input, or undefined when it is empty. */
function input(name) {
  const value = env[`INPUT_${name}`];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The kit's arguments for the inputs given, and where each report goes. */
function checkArguments(reportsDir) {
  const url = input('URL');
  if (!url) return { error: "the input 'url' is required: the fax webhook URL to check, e.g. http://127.0.0.1:3000/fax" };
  const flags = [
    ['START', '--start'],
    ['WAIT_FOR', '--wait-for'],
    ['FAIL_ON', '--fail-on'],
    ['METHOD', '--method'],
    ['EXPECT', '--expect'],
    ['CHECKS', '--checks'],
    ['SKIP_CHECKS', '--skip-checks'],
    ['RUNS', '--runs'],
    ['SEED', '--seed'],
    ['TIMEOUT', '--timeout'],
    ['SERVER_LOG', '--server-log'],
  ].flatMap(([name, flag]) => (input(name) === undefined ? [] : [flag, input(name)]));
  // The started server's output goes beside the reports, so the artifact that holds them holds it too.
  if (input('START') !== undefined && input('SERVER_LOG') === undefined) flags.push('--server-log', join(reportsDir, 'server.log'));
  const extra = (input('ARGS') ?? '').split(/\s+/).filter((word) => word !== '');
  const reports = {
    junit: join(reportsDir, 'fax.xml'),
    html: join(reportsDir, 'fax.html'),
    json: join(reportsDir, 'fax.json'),
    markdown: join(reportsDir, 'fax.md'),
  };
  const reporters = ['pretty', 'github', ...Object.entries(reports).map(([name, path]) => `${name}:${path}`)].flatMap((spec) => ['--reporter', spec]);
  return { argv: ['check', url, ...flags, ...extra, ...reporters], reports };
}

/** Appends `name=value` to $GITHUB_OUTPUT, in the delimiter form GitHub documents for values of any content. */
function setOutput(name, value) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `ghadelimiter_${randomBytes(8).toString('hex')}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** `text` as a Markdown code block whose fence is longer than any run of backticks in it. */
function fenced(text) {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

function appendSummary(markdown) {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}

/**
 * Runs the kit; its stderr goes on to the step's log as it comes, and its last line is kept: when no report was
 * written, that line (the kit's one-line reason: a wrong flag, a server that did not start) goes in the summary.
 */
function run(command, argv, cwd) {
  return new Promise((done) => {
    let tail = '';
    const child = spawn(command[0], [...command.slice(1), ...argv], { cwd, stdio: ['inherit', 'inherit', 'pipe'], env });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4096);
    });
    const lastLine = () => tail.split('\n').map((line) => line.trim()).filter((line) => line !== '').at(-1);
    child.on('error', (error) => {
      const reason = `could not run ${command.join(' ')}: ${error.message}`;
      console.error(`::error title=twiml-fax-kit::${reason}`);
      done({ code: 2, reason });
    });
    child.on('close', (code, signal) => done({ code: code ?? (signal === 'SIGINT' ? 130 : 1), reason: lastLine() }));
  });
}

async function main() {
  const cwd = resolve(input('WORKING_DIRECTORY') ?? env.GITHUB_WORKSPACE ?? process.cwd());
  const reportsDir = input('REPORTS_DIR') ?? 'twiml-fax-kit-reports';
  if (input('AUTH_TOKEN') !== undefined) env.TWILIO_AUTH_TOKEN = input('AUTH_TOKEN');
  const token = env.TWILIO_AUTH_TOKEN;
  // GitHub masks secrets it knows; a token given some other way is masked here before anything prints.
  if (token) console.log(`::add-mask::${token}`);
  const parsed = checkArguments(reportsDir);
  if (parsed.error) {
    console.error(`::error title=twiml-fax-kit::${parsed.error}`);
    appendSummary(`### ❌ twiml-fax-kit did not run\n\n${parsed.error}\n`);
    setOutput('ok', 'false');
    setOutput('exit-code', '2');
    return 2;
  }
  const command = JSON.parse(env.KIT_COMMAND ?? '["npx","--yes","twiml-fax-kit"]');
  const { code, reason } = await run(command, parsed.argv, cwd);
  const json = resolve(cwd, parsed.reports.json);
  const markdown = resolve(cwd, parsed.reports.markdown);
  const html = resolve(cwd, parsed.reports.html);
  let ok = false;
  if (existsSync(json)) ok = JSON.parse(readFileSync(json, 'utf8')).ok === true && code === 0;
  if (existsSync(markdown)) {
    appendSummary(`${readFileSync(markdown, 'utf8')}\nThe html report is in this run's artifacts; the JUnit report is \`${parsed.reports.junit}\`.\n`);
  } else {
    // No report: the kit could not run (a wrong flag, a server that did not start) or was cancelled. Never green.
    const why = reason === undefined ? "the step's log says why" : `the kit said:\n\n${fenced(reason)}`;
    appendSummary(`### ❌ twiml-fax-kit did not finish (exit code ${code})\n\nNo report was written; ${why}\n`);
  }
  setOutput('ok', ok ? 'true' : 'false');
  setOutput('exit-code', String(code));
  if (existsSync(html)) setOutput('report', html);
  if (existsSync(resolve(cwd, parsed.reports.junit))) setOutput('junit', resolve(cwd, parsed.reports.junit));
  if (existsSync(json)) setOutput('json', json);
  return code;
}

process.exitCode = await main();
