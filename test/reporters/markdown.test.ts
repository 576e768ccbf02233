import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatMarkdownSummary } from '../../src/reporters/markdown.js';
import { FAILED_REPORT, MISSING_CONTENT_TYPE, PASSED_REPORT } from './fixtures.js';
import { hostileString } from './hostile-string.js';

describe('the markdown summary', () => {
  it('names the verdict and each failing check with its findings, and how to replay them', () => {
    const summary = formatMarkdownSummary(FAILED_REPORT);
    expect(summary.split('\n')[0]).toMatch(/^### ❌ twiml-fax-kit: ✗ FAILED: /);
    for (const check of FAILED_REPORT.checks.filter((c) => c.status === 'failed')) expect(summary).toContain(`| \`${check.id}\` |`);
    for (const check of FAILED_REPORT.checks.filter((c) => c.status !== 'failed')) expect(summary).not.toContain(`| \`${check.id}\` |`);
    expect(summary).toContain(`--seed ${FAILED_REPORT.seed}`);
    expect(summary).toContain('<details><summary>Replay a failing case</summary>');
  });

  it('is green only for a passing run, never for an interrupted or nothing-judged one', () => {
    expect(formatMarkdownSummary(PASSED_REPORT)).toMatch(/^### ✅ /);
    expect(formatMarkdownSummary({ ...PASSED_REPORT, ok: false, interrupted: true })).toMatch(/^### ⚠️ twiml-fax-kit: ⚠ INTERRUPTED/);
    const nothing = { ...PASSED_REPORT, ok: false, checks: PASSED_REPORT.checks.map((c) => ({ ...c, status: 'skipped' as const, skipReason: 'needs --auth-token' })) };
    expect(formatMarkdownSummary(nothing)).toMatch(/^### ❌ twiml-fax-kit: ✗ NOTHING CHECKED/);
  });

  propertyTest.prop([hostileString()])('keeps a server message on its table row, with no markup of its own', (text) => {
    const message = `${text}<img src=x onerror=alert(1)>|\n| injected | row |`;
    const summary = formatMarkdownSummary({ ...FAILED_REPORT, findings: [{ ...MISSING_CONTENT_TYPE, message }] });
    const row = summary.split('\n').find((line) => line.startsWith(`| \`${MISSING_CONTENT_TYPE.check}\``));
    expect(row?.endsWith('|')).toBe(true);
    expect(summary).not.toMatch(/<img/);
    expect(summary).not.toContain('\n| injected');
    // Unescaped pipes: exactly the five that bound the four cells.
    expect(row?.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });

  it('escapes what GitHub would render as HTML or Markdown', () => {
    expect(escapeMarkdown('<b>x</b> & `y` | *z*\n[a](b)')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; \\`y\\` \\| \\*z\\* \\[a\\](b)');
    fc.assert(fc.property(fc.string(), (text) => !/[\n\r<>]/.test(escapeMarkdown(text))));
  });
});
