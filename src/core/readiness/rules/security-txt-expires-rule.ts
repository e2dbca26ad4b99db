// security-txt.expires: the Expires field is present, in the future, and less than a year away.

import { parseSecurityTxt } from '../parse-security-txt.js';
import { makeResult, type ReadinessRule } from '../readiness-rule.js';
import { findSecurityTxt } from './security-txt-valid-rule.js';

const dayMs = 24 * 60 * 60 * 1000;
/** RFC 3339 date-time, as RFC 9116 requires (`2027-01-31T00:00:00.000Z`). */
const dateTimePattern =
  /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export const securityTxtExpiresRule: ReadinessRule = {
  id: 'security-txt.expires',
  category: 'security-txt',
  title: 'security.txt Expires is current',
  rule: {
    pass: 'Exactly one Expires field, an RFC 3339 date-time after now and at most 366 days ahead.',
    warn: 'Expires is more than 366 days ahead (RFC 9116 recommends less than a year), or less than 30 days ahead.',
    fail: 'Expires is missing, not an RFC 3339 date-time, or in the past.',
    skip: 'No security.txt.',
  },
  fix: 'Set "Expires:" to a date less than a year ahead (e.g. `thresher init --force` renders one) and renew it before then.',
  anchors: ['RFC 9116 section 2.5.5'],
  reads: () => false,
  check(context) {
    const file = findSecurityTxt(context);
    if (file?.text === undefined)
      return [makeResult('skip', null, [], ['no readable security.txt'])];
    const expires = parseSecurityTxt(file.text).fields.find((field) => field.name === 'expires');
    if (expires === undefined)
      return [makeResult('fail', file.path, [], ['no Expires field (required)'])];
    const time = dateTimePattern.test(expires.value) ? Date.parse(expires.value) : Number.NaN;
    if (Number.isNaN(time)) {
      return [
        makeResult(
          'fail',
          file.path,
          [expires.line],
          [`Expires ${JSON.stringify(expires.value)} is not an RFC 3339 date-time`],
        ),
      ];
    }
    const days = Math.floor((time - context.now.getTime()) / dayMs);
    if (time <= context.now.getTime()) {
      return [makeResult('fail', file.path, [expires.line], [`expired on ${expires.value}`])];
    }
    if (days > 366) {
      return [
        makeResult(
          'warn',
          file.path,
          [expires.line],
          [`expires in ${days} days, more than a year ahead`],
        ),
      ];
    }
    if (days < 30) {
      return [
        makeResult(
          'warn',
          file.path,
          [expires.line],
          [`expires in ${days} days`],
          'Renew Expires now, before readers ignore the file.',
        ),
      ];
    }
    return [
      makeResult('pass', file.path, [expires.line], [`expires ${expires.value} (in ${days} days)`]),
    ];
  },
};
